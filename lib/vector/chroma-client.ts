import { ChromaClient } from "chromadb";

/** Builds a client from a URL such as the one returned by startChromaServer(). */
export function chromaClientFromUrl(url: string): ChromaClient {
  const u = new URL(url);
  const ssl = u.protocol === "https:";
  const port = u.port ? Number(u.port) : ssl ? 443 : 80;
  return new ChromaClient({ host: u.hostname, port, ssl });
}
