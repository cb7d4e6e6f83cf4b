/**
 * Portico vs Backstage's real catalog backend, side by side in one run (issue #14):
 * `npm run bench:vs-backstage -- [--size 10000] [--backstage-size N] [--systems
 * backstage,portico-pg,portico-embedded] [--runs 40] [--warmup 20] [--unfiltered-runs 5] [--no-build]`.
 *
 * Serves one generated catalog (bench/catalog.ts's generator) over loopback HTTP, has each
 * system ingest it through a URL location (Backstage from app-config, Portico via POST
 * /api/catalog/locations), times the ingest, then times the request shapes Backstage's UI and
 * catalog-client send with the same client, sequential, after warm-up; then changes every
 * entity, triggers a refresh and times the same shapes at once (no warm-up). Systems run one
 * after another, each stopped before the next. Backstage is npm-installed into
 * /var/tmp/portico-bench/backstage (cached; never in package.json). PostgreSQL from
 * TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), databases
 * `bb_*`, dropped afterwards. Prints a table to stdout and writes JSON to bench/results/.
 * `--render a.json b.json…` only prints the table of earlier runs' results together (e.g.
 * Portico at 100k beside Backstage at 50k, which takes too long to ingest in the same run).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { adminQuery, dropTestDatabase } from "@/tests/support/test-database";
import { generate } from "./catalog";
import {
  BACKSTAGE_PACKAGES,
  ensureBackstageInstalled,
  startBackstage,
  waitForBackstageIngest,
} from "./lib/backstage-backend";
import { type CatalogSite, LOCATION_NAME, serveCatalog } from "./lib/catalog-site";
import { catalogShapes, timeShapes, timeUnfiltered } from "./lib/http-shapes";
import { rssMb, standaloneServer, startPorticoServer } from "./lib/portico-server";
import { renderTable, type SystemResult } from "./lib/vs-table";

const root = path.resolve(__dirname, "..");
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZE = Number(flag("size") ?? 10_000);
const BACKSTAGE_SIZE = Number(flag("backstage-size") ?? SIZE);
const SYSTEMS = (flag("systems") ?? "backstage,portico-pg,portico-embedded").split(",");
const RUNS = Number(flag("runs") ?? 40);
const UNFILTERED_RUNS = Number(flag("unfiltered-runs") ?? 5);
// Untimed rounds of every shape first: with 3, the steady phase timed a server whose route code
// had not been optimised yet (by-name 5.7 ms p50 there, 3.7 ms in the later after-import phase).
const WARMUP = Number(flag("warmup") ?? 20);
const PORT_BASE = Number(flag("port-base") ?? 4500);
const BACKSTAGE_DIR = flag("backstage-dir") ?? "/var/tmp/portico-bench/backstage";
const PG = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const TERM = "paym"; // a prefix of a generated word, as typed into the catalog table's search box
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const say = (line: string) => console.error(`[vs-backstage] ${line}`);

const stopping: Array<() => Promise<unknown>> = [];
/** Newest first, one at a time: a server stops before its database is dropped. */
async function stopAll() {
  for (const stop of stopping.reverse()) await stop().catch(() => {});
}
process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/**
 * node:http rather than fetch: Portico's import answers only when written, and at 100k under
 * load that can pass fetch's fixed 300 s wait for response headers.
 */
function post(url: string, body: unknown): Promise<{ status: number; text: string; ms: number }> {
  const start = performance.now();
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        // A new connection: a kept-alive one may have been closed by the server while the catalog
        // was re-rendered (seconds at 100k), and a POST is not sent twice.
        agent: false,
        headers: { "content-type": "application/json", origin: new URL(url).origin },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString("utf8"),
            ms: Math.round(performance.now() - start),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

interface Catalog {
  site: CatalogSite;
  entities: number;
  componentNames: string[];
}

async function catalogOf(size: number, port: number): Promise<Catalog> {
  const entities = generate(size) as Array<{ kind: string; metadata: { name: string } }>;
  const componentNames = entities.filter((e) => e.kind === "Component").map((e) => e.metadata.name);
  // Spread over the catalog, so by-name does not hit one cached page of rows.
  const picked = Array.from(
    { length: 20 },
    (_, i) => componentNames[Math.floor((i * componentNames.length) / 20)],
  );
  const site = await serveCatalog(entities, port);
  stopping.push(() => site.close());
  return { site, entities: entities.length, componentNames: picked };
}

/** Steady reads, the unfiltered list, then one full re-import and the same reads at once. */
async function measure(base: string, catalog: Catalog, refresh: () => Promise<number>) {
  const shapes = catalogShapes(catalog.componentNames, TERM);
  const loadBefore = load();
  say("  steady reads…");
  const steady = await timeShapes(base, shapes, { warmup: WARMUP, runs: RUNS });
  say("  unfiltered list…");
  const unfiltered = await timeUnfiltered(base, { warmup: 1, runs: UNFILTERED_RUNS });
  catalog.site.bump();
  say("  refresh after changing every entity…");
  const refreshMs = await refresh();
  say(`  refreshed in ${refreshMs} ms; reads right after…`);
  const afterImport = await timeShapes(base, shapes, { warmup: 0, runs: RUNS });
  return {
    loadBefore,
    loadAfter: load(),
    steady,
    unfiltered,
    afterImport: { refreshMs, shapes: afterImport },
  };
}

async function runBackstage(catalog: Catalog): Promise<SystemResult> {
  const install = ensureBackstageInstalled(BACKSTAGE_DIR);
  const backend = await startBackstage({
    dir: BACKSTAGE_DIR,
    port: PORT_BASE + 7,
    serverUrl: PG,
    dbPrefix: "bb_backstage_",
    locationUrl: catalog.site.rootUrl,
    readingHost: catalog.site.host,
  });
  stopping.push(() => backend.stop());
  try {
    say(`Backstage: waiting for ${catalog.entities} entities…`);
    // From the backend answering (its boot, readyMs, apart) until every entity is served.
    const ingestMs = (await waitForBackstageIngest(backend, catalog.entities, 60 * 60_000)) - backend.readyMs;
    say(`Backstage: ingested in ${ingestMs} ms`);
    const measured = await measure(backend.base, catalog, async () => {
      // Asynchronous in Backstage: 200 at once, the processing loop re-reads the tree afterwards.
      const res = await post(`${backend.base}/api/catalog/refresh`, {
        entityRef: `location:default/${LOCATION_NAME}`,
      });
      if (res.status !== 200) throw new Error(`Backstage refresh → ${res.status}: ${res.text.slice(0, 300)}`);
      return res.ms;
    });
    return {
      system: "backstage",
      label: "Backstage (PG)",
      entities: catalog.entities,
      ingestMs,
      readyMs: backend.readyMs,
      rssMb: rssMb(backend.child.pid),
      ...measured,
    };
  } finally {
    await backend.stop();
    if (install.installMs) say(`(npm install took ${install.installMs} ms)`);
  }
}

/** A fresh migrated database: `bb_portico_<n>` on the PG server, or embedded PGlite on disk like `npm start`. */
async function porticoDatabase(kind: "pg" | "embedded", dataDir: string) {
  if (kind === "pg") {
    const name = `bb_portico_${SIZE}`;
    await dropTestDatabase(PG, name);
    await adminQuery(PG, `CREATE DATABASE "${name}"`);
    const u = new URL(PG);
    u.pathname = `/${name}`;
    await applyMigrations({ databaseUrl: u.toString(), rootDir: root });
    return { url: u.toString(), stop: () => dropTestDatabase(PG, name) };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pgdata") });
  await applyMigrations({ databaseUrl: embedded.url, rootDir: root });
  return { url: embedded.url, stop: () => embedded.stop() };
}

async function runPortico(
  kind: "pg" | "embedded",
  catalog: Catalog,
  serverJs: string,
): Promise<SystemResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "bb-portico-"));
  const db = await porticoDatabase(kind, dataDir);
  const server = await startPorticoServer({
    serverJs,
    databaseUrl: db.url,
    dataDir,
    port: PORT_BASE + (kind === "pg" ? 20 : 21),
    env: {
      PORTICO_CATALOG_URL_ALLOWLIST: catalog.site.host,
      PORTICO_CATALOG_ALLOW_PRIVATE_URLS: "true",
      // As `npm start` tells the server it started the database itself.
      ...(kind === "embedded" ? { PORTICO_EMBEDDED: "postgres" } : {}),
    },
  });
  stopping.push(
    () => server.stop(),
    () => db.stop(),
  );
  try {
    say(`Portico ${kind}: registering the location…`);
    // Before the import: the server brings its list index up to date before it answers.
    const since = performance.now();
    const created = await post(`${server.base}/api/catalog/locations`, {
      type: "url",
      target: catalog.site.rootUrl,
    });
    if (created.status !== 201)
      throw new Error(`POST /locations → ${created.status}: ${created.text.slice(0, 500)}`);
    const ingestMs = created.ms;
    // Should the import have answered before the index caught up, the first read starts it.
    await fetch(`${server.base}/api/catalog/entities/by-query?limit=1`);
    const listIndex = await server.indexBuilt(catalog.entities, since, 120_000).catch((error: Error) => {
      say(`Portico ${kind}: ${error.message}; timing anyway`);
      return undefined;
    });
    say(
      `Portico ${kind}: ingested in ${ingestMs} ms; list index ${listIndex ? `built in ${listIndex.buildMs} ms` : "not seen"}`,
    );
    const measured = await measure(server.base, catalog, async () => {
      // Synchronous in Portico: the answer comes once the location's tree is written.
      const res = await post(`${server.base}/api/catalog/refresh`, {
        entityRef: `location:default/${LOCATION_NAME}`,
      });
      if (res.status !== 200) throw new Error(`Portico refresh → ${res.status}: ${res.text.slice(0, 300)}`);
      return res.ms;
    });
    return {
      system: `portico-${kind}`,
      label: kind === "pg" ? "Portico (PG)" : "Portico (embedded)",
      entities: catalog.entities,
      ingestMs,
      readyMs: server.readyMs,
      rssMb: rssMb(server.child.pid),
      listIndex,
      ...measured,
    };
  } finally {
    await server.stop();
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The results of earlier runs' JSON files, in one table. */
function renderSaved(files: string[]) {
  const results = files.flatMap((file) => {
    const report = JSON.parse(readFileSync(file, "utf8")) as { startedAt: string; results: SystemResult[] };
    return report.results.map((r) => ({ ...r, label: `${r.label} ${report.startedAt.slice(11, 16)}Z` }));
  });
  console.log(renderTable(results));
}

async function main() {
  const render = process.argv.indexOf("--render");
  if (render > 0) return renderSaved(process.argv.slice(render + 1));
  const started = new Date();
  const build = SYSTEMS.some((s) => s.startsWith("portico"))
    ? standaloneServer(process.argv.includes("--no-build"))
    : undefined;
  const porticoCatalog = await catalogOf(SIZE, PORT_BASE + 10);
  const backstageCatalog =
    BACKSTAGE_SIZE === SIZE ? porticoCatalog : await catalogOf(BACKSTAGE_SIZE, PORT_BASE + 11);
  const results: SystemResult[] = [];
  for (const system of SYSTEMS) {
    say(`— ${system} —`);
    if (system === "backstage") results.push(await runBackstage(backstageCatalog));
    else if (system === "portico-pg")
      results.push(await runPortico("pg", porticoCatalog, build?.server ?? ""));
    else if (system === "portico-embedded")
      results.push(await runPortico("embedded", porticoCatalog, build?.server ?? ""));
    else throw new Error(`unknown system ${system} (backstage, portico-pg, portico-embedded)`);
  }
  await porticoCatalog.site.close();
  await backstageCatalog.site.close();
  const report = {
    bench: "catalog-vs-backstage",
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    cpus: os.cpus().length,
    node: process.version,
    backstage: BACKSTAGE_PACKAGES,
    postgres: new URL(PG).host,
    warmup: WARMUP,
    runs: RUNS,
    unfilteredRuns: UNFILTERED_RUNS,
    fullTextTerm: TERM,
    build: build && { rebuilt: build.built, buildMs: build.buildMs },
    results,
  };
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `catalog-vs-backstage-${started.toISOString().replaceAll(":", "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(renderTable(results));
  console.log(`\nJSON: ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  void stopAll().finally(() => process.exit(1));
});
