/**
 * A minimal HTTP server around a few real route handlers, run as its own process
 * (`tsx tests/support/access-route-server.ts`) so tests can check behaviour across
 * replicas (token revocation) without building Next.js. Prints `listening <port>`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { GET as entities } from "@/app/api/catalog/entities/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as createToken, GET as listTokens } from "@/app/api/tokens/route";

type Handler = (req: Request, segment?: { params: Promise<Record<string, string>> }) => Promise<Response>;

function route(method: string, path: string): { handler: Handler; params: Record<string, string> } | null {
  if (method === "GET" && path === "/api/catalog/entities")
    return { handler: entities as Handler, params: {} };
  if (method === "GET" && path === "/api/tokens") return { handler: listTokens as Handler, params: {} };
  if (method === "POST" && path === "/api/tokens") return { handler: createToken as Handler, params: {} };
  const m = /^\/api\/tokens\/([^/]+)$/.exec(path);
  if (method === "DELETE" && m) return { handler: revokeToken as Handler, params: { id: m[1] } };
  return null;
}

const server = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const found = route(req.method ?? "GET", url.pathname);
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  const response = await found.handler(request, { params: Promise.resolve(found.params) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});

server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
