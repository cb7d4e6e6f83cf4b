/**
 * List-index update benchmark: full rebuild vs delta apply, and the memory an index holds.
 *
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
 *     npx tsx --expose-gc bench/list-index-delta.ts [--sizes 10000,100000] [--db-prefix bench_delta_] [--keep]
 *   npx tsx --expose-gc bench/list-index-delta.ts --existing <database url>
 *
 * Creates a database per size on TEST_DATABASE_URL's server (embedded PGlite without it),
 * imports generated entities, then times a full load (loadListIndex + the default order, what
 * index-cache publishes) and deltas of 1, 100 and 1000 changed entities (renamed, retagged, a
 * new facet value and new lexemes: every structure moves). Prints JSON with the load average
 * next to each number: the machine is shared, so compare numbers taken at similar loads.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { rowsById } from "@/lib/catalog/list-index/id-lookup";
import type { ListIndex } from "@/lib/catalog/list-index/list-index";
import { loadChanges } from "@/lib/catalog/list-index/load-changes";
import { loadListIndex } from "@/lib/catalog/list-index/load-list-index";
import { sortedRows } from "@/lib/catalog/list-index/sort-order";
import { updateListIndex } from "@/lib/catalog/list-index/update-list-index";
import { createDb } from "@/lib/db/client";
import { applyAllMigrations } from "@/tests/fixtures/catalog/pg-catalog-db";
import { adminQuery } from "@/tests/support/test-database";
import { generate, writeTree } from "./catalog";

const load = () => os.loadavg()[0].toFixed(2);
const mb = (bytes: number) => Math.round(bytes / 1048576);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function memory() {
  gc();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed), externalMb: mb(external + arrayBuffers) };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - start) * 10) / 10, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Changes `k` entities in one transaction, touching names, tags, a facet value and lexemes. */
async function writeChanges(db: SqlExecutor, k: number, round: number) {
  await db.$executeRawUnsafe(
    `UPDATE catalog_entities SET name = name || '-r${round}', tags = tags || ARRAY['bench-${round}'],
       type = CASE WHEN type IS NULL THEN NULL ELSE 'type-r${round}' END,
       search_text = search_text || ' benchword${round}', updated_at = now()
     WHERE id IN (SELECT id FROM catalog_entities ORDER BY md5(id::text || '${round}') LIMIT ${k})`,
  );
}

async function benchDatabase(db: SqlExecutor, entities: number | undefined) {
  await db.$queryRawUnsafe("SELECT 1");
  const before = memory();
  const fullRuns: number[] = [];
  let index: ListIndex | undefined;
  for (let i = 0; i < 3; i++) {
    index = undefined;
    gc();
    const { ms, value } = await timed(async () => {
      const built = (await loadListIndex(db)) as ListIndex;
      sortedRows(built, "name");
      rowsById(built);
      return built;
    });
    fullRuns.push(ms);
    index = value;
  }
  const full = { ms: fullRuns, medianMs: median(fullRuns), load: load() };
  const holding = memory();
  let current = index as ListIndex;
  const deltas: Record<string, unknown> = {};
  let round = 0;
  for (const k of [1, 100, 1000]) {
    const runs: Array<{ totalMs: number; readMs: number }> = [];
    for (let i = 0; i < 3; i++) {
      await writeChanges(db, k, ++round);
      const read = await timed(() => loadChanges(db, current.revision, 1e9));
      const { ms, value } = await timed(() => updateListIndex(db, current));
      if (typeof value === "string") throw new Error(`no delta: ${value}`);
      runs.push({ totalMs: ms, readMs: read.ms });
      current = value;
    }
    deltas[k] = {
      totalMs: runs.map((r) => r.totalMs),
      medianTotalMs: median(runs.map((r) => r.totalMs)),
      medianReadMs: median(runs.map((r) => r.readMs)),
      load: load(),
    };
  }
  // One replica's memory: the process before its first index and holding one (the difference is the index).
  const size = current.size;
  const indexOnly = {
    heapMb: holding.heapUsedMb - before.heapUsedMb,
    externalMb: holding.externalMb - before.externalMb,
    rssMb: holding.rssMb - before.rssMb,
  };
  return {
    entities: entities ?? size,
    full,
    deltas,
    memory: { beforeIndex: before, holdingIndex: holding, index: indexOnly },
  };
}

async function benchSize(serverUrl: string | undefined, n: number, prefix: string, keep: boolean) {
  let url: string;
  let drop = async () => {};
  const name = `${prefix}${n}_${Date.now()}`;
  if (serverUrl) {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    if (!keep) drop = () => adminQuery(serverUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
  } else {
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
    const server = await startEmbeddedPostgres();
    url = server.url;
    drop = () => server.stop();
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await applyAllMigrations(pool);
  await pool.end();
  const db = createDb(url, { max: 4, connectionTimeoutMillis: 30_000 });
  const dir = await mkdtemp(path.join(os.tmpdir(), "list-delta-bench-"));
  try {
    await writeTree(dir, generate(n));
    // Only the time: the ingest result must not stay reachable while memory is measured.
    const { ms: ingestMs } = await timed(() => ingestFromDirectory(db, dir, { maxBytes: 64 * 1024 * 1024 }));
    const result = await benchDatabase(db, n);
    return { database: serverUrl ? (keep ? url : name) : "pglite", ingestMs, ...result };
  } finally {
    await db.$disconnect();
    await rm(dir, { recursive: true, force: true });
    await drop();
  }
}

async function main() {
  const arg = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const existing = arg("--existing");
  if (existing) {
    const db = createDb(existing, { max: 4, connectionTimeoutMillis: 30_000 });
    console.log(
      JSON.stringify({ bench: "list-index-delta", ...(await benchDatabase(db, undefined)) }, null, 2),
    );
    await db.$disconnect();
    return;
  }
  const sizes = (arg("--sizes") ?? "10000").split(",").map(Number);
  for (const n of sizes) {
    const result = await benchSize(
      process.env.TEST_DATABASE_URL,
      n,
      arg("--db-prefix") ?? "bench_delta_",
      process.argv.includes("--keep"),
    );
    console.log(JSON.stringify({ bench: "list-index-delta", ...result }, null, 2));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
