import http from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (
  req: Request,
  segment?: { params: Promise<Record<string, string>> },
) => Promise<Response>;
export type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteHandler>>;

export interface RouteEntry {
  /** App Router path, e.g. `/api/catalog/entities/by-uid/[uid]`. */
  path: string;
  module: RouteModule;
}

interface CompiledRoute extends RouteEntry {
  segments: string[];
}

function match(route: CompiledRoute, parts: string[]): Record<string, string> | null {
  if (route.segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i];
    const m = /^\[(.+)\]$/.exec(seg);
    if (m) params[m[1]] = decodeURIComponent(parts[i]);
    else if (seg !== parts[i]) return null;
  }
  return params;
}

/**
 * Serves App Router route modules over node:http with Next's routing rules that matter
 * here (static segments beat dynamic ones, params decoded, 404/405). It lets real HTTP
 * clients such as @backstage/catalog-client drive the handlers in-process, without a build.
 */
export async function startRouteServer(
  entries: RouteEntry[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const routes: CompiledRoute[] = entries
    .map((e) => ({ ...e, segments: e.path.split("/").filter(Boolean) }))
    // Fewer dynamic segments first, so `locations/by-entity/...` wins over `locations/[id]`.
    .sort(
      (a, b) =>
        a.segments.filter((s) => s.startsWith("[")).length -
        b.segments.filter((s) => s.startsWith("[")).length,
    );
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
      const parts = url.pathname.split("/").filter(Boolean);
      let found: { route: CompiledRoute; params: Record<string, string> } | undefined;
      for (const route of routes) {
        const params = match(route, parts);
        if (params) {
          found = { route, params };
          break;
        }
      }
      const method = (req.method ?? "GET") as keyof RouteModule;
      const handler = found?.route.module[method];
      if (!found || !handler) {
        res
          .writeHead(found ? 405 : 404, { "content-type": "text/plain" })
          .end(found ? "Method Not Allowed" : "Not Found");
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const body = chunks.length && method !== "GET" ? Buffer.concat(chunks) : undefined;
      const response = await handler(new Request(url, { method, headers, body }), {
        params: Promise.resolve(found.params),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
