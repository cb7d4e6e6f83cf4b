import { readdirSync } from "node:fs";
import path from "node:path";
import type { RouteAccess } from "@/lib/access/route-access";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface LoadedRoute {
  file: string;
  /** URL path with dynamic segments filled in with plausible values. */
  path: string;
  params: Record<string, string | string[]>;
  method: (typeof METHODS)[number];
  handler: ((req: Request, segment?: { params: Promise<unknown> }) => Promise<Response>) & {
    access?: RouteAccess;
    routeName?: string;
  };
}

const root = path.resolve(__dirname, "../..");

/** Every `app/api/**\/route.ts`, found on disk, so a new route is covered without editing a list. */
export function routeFiles(): string[] {
  const dir = path.join(root, "app", "api");
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(`${path.sep}route.ts`) || f === "route.ts")
    .map((f) => path.join("app", "api", f))
    .sort();
}

const SAMPLE: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000001",
  uid: "00000000-0000-4000-8000-000000000002",
  kind: "component",
  namespace: "default",
  name: "sample",
};

export function samplePath(file: string): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .map((seg) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg);
      if (catchAll) {
        params[catchAll[1]] = ["ok"];
        return "ok";
      }
      const dynamic = /^\[(\w+)\]$/.exec(seg);
      if (dynamic) {
        const value = SAMPLE[dynamic[1]] ?? "sample";
        params[dynamic[1]] = value;
        return value;
      }
      return seg;
    });
  return { path: `/${segments.join("/")}`, params };
}

export async function loadRoutes(): Promise<LoadedRoute[]> {
  const out: LoadedRoute[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const { path: p, params } = samplePath(file);
    for (const method of METHODS) {
      const handler = mod[method];
      if (typeof handler === "function") {
        out.push({ file, path: p, params, method, handler: handler as LoadedRoute["handler"] });
      }
    }
  }
  return out;
}

export function callRoute(
  route: LoadedRoute,
  opts: { token?: string; ip?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "x-forwarded-for": opts.ip ?? "192.0.2.1", ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  if (hasBody) headers["content-type"] = "application/json";
  return route.handler(
    new Request(`http://localhost:3000${route.path}`, {
      method: route.method,
      headers,
      body: hasBody ? (opts.body ?? "{}") : undefined,
    }),
    { params: Promise.resolve(route.params) },
  );
}
