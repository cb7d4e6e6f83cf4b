/**
 * A minimal HTTP server around real route handlers, for test servers run as their own
 * process (`tsx tests/support/<name>-server.ts`), so tests can check behaviour across
 * replicas without building Next.js. Prints `listening <port>` once it listens.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandler = (
  req: Request,
  segment?: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type RouteTable = (
  method: string,
  path: string,
) => { handler: RouteHandler; params: Record<string, string> } | null;

export function serveRoutes(route: RouteTable, onClose: () => Promise<void> = async () => {}): void {
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
  process.on("SIGTERM", () => {
    void onClose().finally(() => server.close(() => process.exit(0)));
  });
}
