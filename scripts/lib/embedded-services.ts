import path from "node:path";
import type { ServerConfig } from "@/lib/config/server-config";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { type ChromaServerHandle, startChromaServer } from "@/lib/vector/chroma-server";

export interface RunningServices {
  databaseUrl: string;
  chromaUrl: string;
  /** Which services this process started (and must stop). */
  embedded: ("postgres" | "chroma")[];
  stop(): Promise<void>;
}

export interface StartServicesOptions {
  /** Keep PGlite in memory instead of under dataDir (tests, benchmarks). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

/**
 * Brings up whatever the configuration leaves unset: PGlite for DATABASE_URL,
 * the chromadb package's server for CHROMA_URL. Shared by `npm start`, the e2e
 * setup and the benchmarks so all three run the same stack.
 */
export async function startEmbeddedServices(
  config: ServerConfig,
  options: StartServicesOptions = {},
): Promise<RunningServices> {
  const log = options.log ?? (() => {});
  let postgres: EmbeddedPostgres | undefined;
  let chroma: ChromaServerHandle | undefined;
  const stop = async () => {
    await Promise.allSettled([chroma?.stop(), postgres?.stop()]);
  };
  try {
    const [pg, ch] = await Promise.all([
      config.database.url
        ? undefined
        : startEmbeddedPostgres({
            dataDir: options.ephemeral ? undefined : path.join(config.dataDir, "pgdata"),
          }),
      config.vectorStore.url
        ? undefined
        : startChromaServer({
            dataDir: path.join(config.dataDir, options.ephemeral ? `chroma-${process.pid}` : "chroma"),
          }),
    ]);
    postgres = pg;
    chroma = ch;
  } catch (error) {
    await stop();
    throw error;
  }
  if (postgres)
    log(
      `embedded Postgres (PGlite) on ${postgres.url}${postgres.dataDir ? ` data=${postgres.dataDir}` : ""}`,
    );
  if (chroma) log(`embedded Chroma on ${chroma.url} (pid ${chroma.pid})`);
  return {
    databaseUrl: config.database.url ?? postgres!.url,
    chromaUrl: config.vectorStore.url ?? chroma!.url,
    embedded: [...(postgres ? (["postgres"] as const) : []), ...(chroma ? (["chroma"] as const) : [])],
    stop,
  };
}
