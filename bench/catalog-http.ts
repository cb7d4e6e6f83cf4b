/**
 * Catalog over HTTP: `npx tsx bench/catalog-http.ts [--database-url URL | --size 100000]
 * [--runs 40] [--no-build] [--issue-only] [--no-overhead] [--write] [--port N]`. Times what a user waits for through the real production server
 * (the standalone build `npm start` runs): page server renders and the catalog APIs, after the
 * in-process list index is built. bench/catalog.ts times the same lib functions without HTTP,
 * React rendering or the route layer.
 *
 * --database-url: an already imported catalog, only read (its entities must come from
 * bench/catalog.ts's generator: the bench asks for team-0 and team-1). Without it, --size
 * entities are generated and imported into a throwaway database on TEST_DATABASE_URL's server
 * (embedded PGlite when unset), dropped afterwards. The build is redone first when sources are
 * newer than it (scripts/lib/next-build.ts), unless --no-build. --issue-only times only issue
 * #14's API shapes (no page renders). Also: the unpaged list, the seconds after a write, and
 * the HTTP layer against a bare server (bench/lib/catalog-http-shapes.ts). Prints one JSON object.
 */

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { createDb } from "@/lib/db/client";
import { createTestDatabase } from "@/tests/support/test-database";
import { buildIsStale, distDir, prepareStandalone } from "../scripts/lib/next-build";
import { generate, writeTree } from "./catalog";
import { afterWrite, httpOverhead, issueShapes, unpagedList } from "./lib/catalog-http-shapes";

const root = path.resolve(__dirname, "..");
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(flag("runs") ?? 40);
const WARMUP = 3;
const READY_TIMEOUT_MS = 10 * 60_000;
const TYPES = ["service", "website", "library", "worker"];
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const say = (line: string) => console.error(`[catalog-http] ${line}`);

interface BenchDb {
  url: string;
  source: "existing" | "postgres" | "pglite";
  import?: { entities: number; ms: number; entitiesPerSec: number };
  stop(): Promise<void>;
}

/** The given catalog, or a fresh one imported through the same path as a location refresh. */
async function catalogDatabase(): Promise<BenchDb> {
  const given = flag("database-url");
  if (given) return { url: given, source: "existing", stop: async () => {} };
  const size = Number(flag("size") ?? 100_000);
  const created = await createTestDatabase();
  const db = { ...created, source: created.kind };
  const dir = await mkdtemp(path.join(os.tmpdir(), "catalog-http-bench-"));
  try {
    say(`importing ${size} entities into a throwaway ${db.source} database…`);
    const entities = generate(size);
    await writeTree(dir, entities);
    const client = createDb(db.url, { max: 4 });
    const start = performance.now();
    const { result } = await ingestFromDirectory(client, dir, { maxBytes: 8 * 1024 * 1024 }).finally(() =>
      client.$disconnect(),
    );
    const ms = Math.round(performance.now() - start);
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    const entitiesPerSec = Math.round((entities.length / ms) * 1000);
    return { ...db, import: { entities: entities.length, ms, entitiesPerSec } };
  } catch (error) {
    await db.stop();
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `next build` when sources are newer than the build, as `npm start` does; returns server.js. */
function standaloneServer(): { server: string; built: boolean; buildMs?: number } {
  if (process.argv.includes("--no-build") || !buildIsStale(root)) {
    return { server: prepareStandalone(root), built: false };
  }
  say(`building the production bundle into ${distDir(root)} (a few minutes)…`);
  const start = performance.now();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // Build output goes to stderr so stdout stays one JSON object.
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  return { server: prepareStandalone(root), built: true, buildMs: Math.round(performance.now() - start) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const rssMb = (pid: number | undefined) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
};

interface Server {
  child: ChildProcess;
  base: string;
  readyMs: number;
  listIndex: { entities: number; buildMs: number; builtAfterMs: number };
}

/**
 * The standalone server on a free port: offline AI, no cluster, no Chroma (the catalog needs
 * none), no refresh scheduler (a refresh would invalidate the index mid-run). Ready once it
 * answers the liveness probe and has logged (pino JSON, debug) that the list index is built.
 */
async function startServer(serverJs: string, databaseUrl: string, dataDir: string): Promise<Server> {
  const port = Number(flag("port") ?? 0) || (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    PORTICO_DATA_DIR: dataDir,
    PORTICO_LOG_LEVEL: "debug",
    PORTICO_CATALOG_REFRESH_INTERVAL_S: "0",
    PORTICO_CATALOG_LIST_INDEX: "true",
  };
  for (const k of ["GOOGLE_GENERATIVE_AI_API_KEY", "CHROMA_URL", "KUBECONFIG", "KUBERNETES_SERVICE_HOST"])
    delete env[k];
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverJs], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  const indexBuilt = new Promise<Server["listIndex"]>((resolve, reject) => {
    let rest = "";
    child.stdout?.setEncoding("utf8");
    // Keeps reading for the whole run: a full pipe would block the server's logging.
    child.stdout?.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { msg?: string; entities?: number; ms?: number; level?: number };
        if (entry.msg === "catalog list index built") {
          const builtAfterMs = Math.round(performance.now() - t0);
          resolve({ entities: entry.entities ?? 0, buildMs: entry.ms ?? 0, builtAfterMs });
        } else if ((entry.level ?? 0) >= 40) {
          say(`server: ${line}`);
          if (entry.msg?.startsWith("catalog list index build failed")) reject(new Error(entry.msg));
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited early with code ${code}`)));
    setTimeout(() => reject(new Error("list index not built within 10 minutes")), READY_TIMEOUT_MS).unref();
  });
  indexBuilt.catch(() => {}); // observed below; avoids an unhandled rejection while polling
  let readyMs = 0;
  while (!readyMs) {
    if (child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}`);
    const res = await fetch(`${base}/api/health?probe=live`, { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined, // not listening yet
    );
    if (res?.ok) readyMs = Math.round(performance.now() - t0);
    else await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, readyMs, listIndex: await indexBuilt };
}

async function getOk(url: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${body.slice(0, 300)}`);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body };
}

/** Sequential GETs (WARMUP, then RUNS timed), each until the whole body has arrived. */
async function time(base: string, urlFor: (i: number) => string, html: boolean) {
  for (let i = 0; i < WARMUP; i++) await getOk(base + urlFor(i));
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const url = base + urlFor(WARMUP + i);
    const start = performance.now();
    const res = await getOk(url);
    samples.push(performance.now() - start);
    if (html !== res.type.startsWith("text/html")) throw new Error(`GET ${url}: unexpected ${res.type}`);
    bytes = Math.max(bytes, res.body.length);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 10) / 10;
  return { example: urlFor(WARMUP), p50: q(0.5), p95: q(0.95), max: q(1), maxBodyChars: bytes };
}

/** Up to 20 entity names of a kind, straight from the server (generated names carry random words). */
async function names(base: string, kind: string, skip?: string): Promise<string[]> {
  const url = `${base}/api/catalog/entities/by-query?filter=kind=${kind}&limit=21&fields=metadata.name`;
  const found = JSON.parse((await getOk(url)).body) as { items: Array<{ metadata: { name: string } }> };
  const list = found.items.map((e) => e.metadata.name).filter((n) => n !== skip);
  if (!list.length) throw new Error(`the catalog has no ${kind}`);
  return list.slice(0, 20);
}

async function benchRequests(base: string) {
  const components = await names(base, "component");
  // team-0 is every other group's parent: the largest group page, timed on its own below.
  const groups = await names(base, "group", "team-0");
  const systems = await names(base, "system");
  const page = (kind: string, list: string[]) => (i: number) =>
    `/catalog/${kind}/default/${encodeURIComponent(list[i % list.length])}`;
  const loadAverageBefore = load();
  if (process.argv.includes("--issue-only")) {
    const results = await issueShapes(base, time, components);
    return { loadAverageBefore, loadAverageAfter: load(), results };
  }
  const results = {
    ...(await issueShapes(base, time, components)),
    catalogPageSsr: await time(base, () => "/catalog?kind=Component&type=service", true),
    entityPageComponent: await time(base, page("component", components), true),
    entityPageGroup: await time(base, page("group", groups), true),
    entityPageSystem: await time(base, page("system", systems), true),
    entityPageRootGroup: await time(base, () => "/catalog/group/default/team-0", true),
    listFiltered: await time(
      base,
      (i) =>
        `/api/catalog-ui/list?kind=component&type=${TYPES[i % TYPES.length]}${i % 2 ? "&lifecycle=production" : ""}&page=${1 + (i % 3)}`,
      false,
    ),
    listSearch: await time(base, () => "/api/catalog-ui/list?q=payments", false),
    byQueryFullText: await time(
      base,
      () => "/api/catalog/entities/by-query?fullTextFilterTerm=paym&limit=20",
      false,
    ),
    facets: await time(
      base,
      () => "/api/catalog/entity-facets?facet=kind&facet=spec.type&filter=kind=component",
      false,
    ),
    byName: await time(base, () => "/api/catalog/entities/by-name/group/default/team-1", false),
  };
  return { loadAverageBefore, loadAverageAfter: load(), results };
}

async function main() {
  const build = standaloneServer();
  const db = await catalogDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "catalog-http-data-"));
  let server: Server | undefined;
  const cleanup = async () => {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((r) => server?.child.once("exit", r));
      server.child.kill("SIGTERM");
      await exited;
    }
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    say("starting the standalone server and waiting for the list index…");
    server = await startServer(build.server, db.url, dataDir);
    const rssAfterIndex = rssMb(server.child.pid);
    const measured = await benchRequests(server.base);
    const unpaged = await unpagedList(server.base);
    const rssAfterUnpaged = rssMb(server.child.pid);
    // Writes only to a database this run created, or with --write (--database-url is read-only).
    const write =
      db.source !== "existing" || process.argv.includes("--write")
        ? await afterWrite(server.base, db.url)
        : undefined;
    const overhead = process.argv.includes("--no-overhead") ? undefined : await httpOverhead(server.base);
    console.log(
      JSON.stringify(
        {
          bench: "catalog-http",
          database: db.source,
          import: db.import,
          build: { rebuilt: build.built, buildMs: build.buildMs },
          server: {
            readyMs: server.readyMs,
            listIndex: server.listIndex,
            rssMbAfterIndex: rssAfterIndex,
            rssMbAfterRun: rssMb(server.child.pid),
            rssMbAfterUnpaged: rssAfterUnpaged,
          },
          unpagedList: unpaged,
          afterWrite: write,
          httpOverhead: overhead,
          cpus: os.cpus().length,
          warmup: WARMUP,
          runs: RUNS,
          ...measured,
        },
        null,
        2,
      ),
    );
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
