/**
 * A few real access route handlers as their own process (`tsx tests/support/access-route-server.ts`),
 * so tests can check behaviour across replicas (token revocation). Prints `listening <port>`.
 */
import { GET as entities } from "@/app/api/catalog/entities/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as createToken, GET as listTokens } from "@/app/api/tokens/route";
import { type RouteHandler, type RouteTable, serveRoutes } from "./route-server";

serveRoutes((method, path): ReturnType<RouteTable> => {
  if (method === "GET" && path === "/api/catalog/entities")
    return { handler: entities as RouteHandler, params: {} };
  if (method === "GET" && path === "/api/tokens") return { handler: listTokens as RouteHandler, params: {} };
  if (method === "POST" && path === "/api/tokens")
    return { handler: createToken as RouteHandler, params: {} };
  const m = /^\/api\/tokens\/([^/]+)$/.exec(path);
  if (method === "DELETE" && m) return { handler: revokeToken as RouteHandler, params: { id: m[1] } };
  return null;
});
