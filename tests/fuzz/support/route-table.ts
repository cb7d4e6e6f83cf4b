import { readdirSync } from "node:fs";
import path from "node:path";

/** Methods the fuzzer knows how to call. A route exporting anything else fails the suite. */
export const KNOWN_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof KNOWN_METHODS)[number];

/** Non-handler exports Next reads from a route module (segment config). */
const CONFIG_EXPORTS = new Set([
  "dynamic",
  "dynamicParams",
  "revalidate",
  "fetchCache",
  "runtime",
  "preferredRegion",
  "maxDuration",
  "generateStaticParams",
]);

export type Segment =
  | { kind: "static"; value: string }
  | { kind: "dynamic"; name: string }
  | { kind: "catch-all"; name: string; optional: boolean };

export interface RouteFile {
  /** e.g. /api/catalog/entities/by-uid/[uid] */
  pattern: string;
  /** Path relative to the repository root. */
  file: string;
  segments: Segment[];
  params: string[];
}

export type Handler = (
  req: Request,
  segment?: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;

export interface LoadedRoute extends RouteFile {
  handlers: Partial<Record<Method, Handler>>;
  /** Exports that are neither segment config nor a known method: the suite fails on these. */
  unknownExports: string[];
}

export const ROOT = path.resolve(import.meta.dirname, "../../..");

function parseSegment(name: string): Segment {
  let m = /^\[\[\.\.\.(.+)\]\]$/.exec(name);
  if (m) return { kind: "catch-all", name: m[1], optional: true };
  m = /^\[\.\.\.(.+)\]$/.exec(name);
  if (m) return { kind: "catch-all", name: m[1], optional: false };
  m = /^\[(.+)\]$/.exec(name);
  if (m) return { kind: "dynamic", name: m[1] };
  return { kind: "static", value: name };
}

/** Every app/api/**\/route.ts, from the filesystem, so a new route is fuzzed without being listed anywhere. */
export function discoverRoutes(root = ROOT): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string, parts: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...parts, entry.name]);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        // Route groups "(x)" and private folders "_x" do not appear in the URL.
        const urlParts = parts.filter((p) => !/^\(.*\)$/.test(p));
        const segments = ["api", ...urlParts].map(parseSegment);
        out.push({
          pattern: `/${["api", ...urlParts].join("/")}`,
          file: path.relative(root, path.join(dir, entry.name)),
          segments,
          params: segments.flatMap((s) => (s.kind === "static" ? [] : [s.name])),
        });
      }
    }
  };
  walk(path.join(root, "app/api"), []);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export async function loadRoute(route: RouteFile, root = ROOT): Promise<LoadedRoute> {
  const mod = (await import(/* @vite-ignore */ path.join(root, route.file))) as Record<string, unknown>;
  const handlers: LoadedRoute["handlers"] = {};
  const unknownExports: string[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if ((KNOWN_METHODS as readonly string[]).includes(name) && typeof value === "function") {
      handlers[name as Method] = value as Handler;
    } else if (!CONFIG_EXPORTS.has(name)) {
      // Includes `default` and HEAD/OPTIONS: nothing may be exported that the fuzzer skips.
      unknownExports.push(name);
    }
  }
  return { ...route, handlers, unknownExports };
}
