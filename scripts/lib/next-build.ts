import { cpSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "next.config.ts",
  "proxy.ts",
  "tsconfig.json",
  "package-lock.json",
  "postcss.config.mjs",
  "instrumentation.ts",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** A production build is reused unless some source is newer than it, so a second `npm start` is fast. */
export function distDir(root: string): string {
  return path.resolve(root, process.env.PORTICO_NEXT_DIST_DIR ?? ".next");
}

export function buildIsStale(root: string): boolean {
  const buildId = path.join(distDir(root), "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

/**
 * The standalone server does not serve .next/static or public/ from their build
 * locations; copy them beside server.js, as the container image does.
 */
export function prepareStandalone(root: string): string {
  const dist = distDir(root);
  const standalone = path.join(dist, "standalone");
  const server = path.join(standalone, "server.js");
  if (!existsSync(server))
    throw new Error(`${server} is missing: run \`next build\` with output "standalone"`);
  cpSync(path.join(dist, "static"), path.join(standalone, path.relative(root, dist), "static"), {
    recursive: true,
  });
  if (existsSync(path.join(root, "public"))) {
    cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  }
  return server;
}
