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

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { createDb } from "@/lib/db/client";
import { createTestDatabase } from "@/tests/support/test-database";
import { generate, writeTree } from "./catalog";
import { afterWrite, httpOverhead, issueShapes, unpagedList } from "./lib/catalog-http-shapes";
import { type PorticoServer, rssMb, standaloneServer, startPorticoServer } from "./lib/portico-server";

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(flag("runs") ?? 40);
const WARMUP = 3;
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
  const build = standaloneServer(process.argv.includes("--no-build"));
  const db = await catalogDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "catalog-http-data-"));
  let server: PorticoServer | undefined;
  const cleanup = async () => {
    await server?.stop();
    await db.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().finally(() => process.exit(130)));
  try {
    say("starting the standalone server and waiting for the list index…");
    server = await startPorticoServer({
      serverJs: build.server,
      databaseUrl: db.url,
      dataDir,
      port: Number(flag("port") ?? 0) || undefined,
    });
    // The database is imported before boot: the server's first build holds the catalog.
    const listIndex = await server.indexBuilt(0);
    const rssAfterIndex = rssMb(server.child.pid);
    const measured = await benchRequests(server.base);
    const unpaged = await unpagedList(server.base);
    const rssAfterUnpaged = rssMb(server.child.pid);
    // Writes only to a database this run created, or with --write (--database-url is read-only).
    const write =
      db.source !== "existing" || process.argv.includes("--write")
        ? await afterWrite(server.base, db.url)
        : undefined;
    const overhead = process.argv.includes("--no-overhead")
      ? undefined
      : await httpOverhead(server.base, server.child.pid, measured.results.byNameComponent.example);
    console.log(
      JSON.stringify(
        {
          bench: "catalog-http",
          database: db.source,
          import: db.import,
          build: { rebuilt: build.built, buildMs: build.buildMs },
          server: {
            readyMs: server.readyMs,
            listIndex,
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
