/**
 * Backstage's real catalog backend for side-by-side benches, installed with npm into a
 * throwaway folder outside Portico's dependencies (cached between runs): `createBackend()`
 * from @backstage/backend-defaults with only @backstage/plugin-catalog-backend added, on its
 * own PostgreSQL database, default auth policy disabled so the bench client needs no token.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { adminQuery, dropTestDatabase } from "@/tests/support/test-database";

// Pinned so reruns compare the same Backstage; bump deliberately.
export const BACKSTAGE_PACKAGES = {
  "@backstage/backend-defaults": "0.19.0",
  "@backstage/plugin-catalog-backend": "4.0.5",
};
const say = (line: string) => console.error(`[backstage] ${line}`);

const INDEX_JS = `// Written by Portico's bench/lib/backstage-backend.ts: a backend with only the catalog.
const { createBackend } = require("@backstage/backend-defaults");
const backend = createBackend();
backend.add(require("@backstage/plugin-catalog-backend"));
backend.start();
`;

/** npm install into `dir` unless the pinned versions are already there. */
export function ensureBackstageInstalled(dir: string): { installed: boolean; installMs?: number } {
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: "portico-bench-backstage",
    private: true,
    version: "0.0.0",
    dependencies: BACKSTAGE_PACKAGES,
  };
  const pkgText = `${JSON.stringify(pkg, null, 2)}\n`;
  const pkgPath = path.join(dir, "package.json");
  const current = existsSync(pkgPath) ? readFileSync(pkgPath, "utf8") : "";
  writeFileSync(path.join(dir, "index.js"), INDEX_JS);
  const present = existsSync(path.join(dir, "node_modules", "@backstage", "plugin-catalog-backend"));
  if (present && current === pkgText) return { installed: false };
  writeFileSync(pkgPath, pkgText);
  say(`npm install ${Object.keys(BACKSTAGE_PACKAGES).join(" ")} into ${dir}…`);
  const start = performance.now();
  const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    stdio: ["ignore", 2, 2],
  });
  if (npm.status !== 0) throw new Error(`npm install in ${dir} failed with exit code ${npm.status}`);
  return { installed: true, installMs: Math.round(performance.now() - start) };
}

export interface BackstageOptions {
  dir: string;
  port: number;
  /** postgresql:// URL of the server's maintenance database. */
  serverUrl: string;
  /** Database names are `${prefix}catalog` (Backstage appends the plugin id). */
  dbPrefix: string;
  locationUrl: string;
  /** host:port the URL reader may read. */
  readingHost: string;
}

export interface BackstageBackend {
  base: string;
  child: ChildProcess;
  startedAt: number;
  readyMs: number;
  database: string;
  stop(): Promise<void>;
}

function appConfig(o: BackstageOptions) {
  const u = new URL(o.serverUrl);
  const base = `http://127.0.0.1:${o.port}`;
  return {
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { host: "127.0.0.1", port: o.port },
      database: {
        client: "pg",
        connection: {
          host: u.hostname,
          port: Number(u.port || 5432),
          user: decodeURIComponent(u.username || "postgres"),
          password: decodeURIComponent(u.password || "postgres"),
        },
        prefix: o.dbPrefix,
      },
      auth: { dangerouslyDisableDefaultAuthPolicy: true },
      reading: { allow: [{ host: o.readingHost }] },
    },
    catalog: {
      rules: [{ allow: ["Component", "API", "User", "Group", "System", "Domain", "Resource", "Location"] }],
      locations: [{ type: "url", target: o.locationUrl }],
    },
  };
}

/** Fresh database, config in the folder, backend started; ready once the catalog answers. */
export async function startBackstage(o: BackstageOptions): Promise<BackstageBackend> {
  const database = `${o.dbPrefix}catalog`;
  await dropTestDatabase(o.serverUrl, database);
  await adminQuery(o.serverUrl, `CREATE DATABASE "${database}"`);
  const configPath = path.join(o.dir, "app-config.bench.yaml");
  writeFileSync(configPath, stringify(appConfig(o)));
  const logPath = path.join(o.dir, "backend.log");
  const log = createWriteStream(logPath);
  const startedAt = performance.now();
  // Portico's Node 24 (process.execPath): the same runtime for both servers.
  const child = spawn(process.execPath, ["index.js", "--config", configPath], {
    cwd: o.dir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const base = `http://127.0.0.1:${o.port}`;
  let readyMs = 0;
  while (!readyMs) {
    if (child.exitCode !== null)
      throw new Error(`Backstage exited with code ${child.exitCode}; see ${logPath}`);
    const res = await fetch(`${base}/api/catalog/entities/by-query?limit=1`, {
      signal: AbortSignal.timeout(2_000),
    }).catch(() => undefined);
    if (res?.ok) readyMs = Math.round(performance.now() - startedAt);
    else await new Promise((r) => setTimeout(r, 500));
  }
  say(`ready after ${readyMs} ms (log: ${logPath})`);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await dropTestDatabase(o.serverUrl, database);
  };
  return { base, child, startedAt, readyMs, database, stop };
}

/** Entities of the given kinds (Backstage also stores Location entities for the tree). */
export async function countEntities(base: string): Promise<number> {
  const res = await fetch(`${base}/api/catalog/entity-facets?facet=kind`);
  if (!res.ok) throw new Error(`entity-facets → ${res.status}`);
  const body = (await res.json()) as { facets: { kind: Array<{ value: string; count: number }> } };
  return body.facets.kind
    .filter((k) => k.value.toLowerCase() !== "location")
    .reduce((n, k) => n + k.count, 0);
}

/** Polls until `expected` entities are stitched and served; ms since the backend was spawned. */
export async function waitForBackstageIngest(
  b: BackstageBackend,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  let lastSaid = performance.now();
  for (;;) {
    const count = await countEntities(b.base).catch(() => 0);
    const elapsed = performance.now() - b.startedAt;
    if (count >= expected) return Math.round(elapsed);
    if (b.child.exitCode !== null) throw new Error(`Backstage exited with code ${b.child.exitCode}`);
    if (elapsed > timeoutMs)
      throw new Error(`Backstage ingested ${count}/${expected} in ${timeoutMs / 1000}s`);
    if (performance.now() - lastSaid > 30_000) {
      say(`ingest: ${count}/${expected} after ${Math.round(elapsed / 1000)} s`);
      lastSaid = performance.now();
    }
    await new Promise((r) => setTimeout(r, 2_000));
  }
}
