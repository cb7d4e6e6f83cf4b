import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, writeTree } from "@/bench/catalog";
import { invalidateListCache } from "@/lib/catalog/db/list-cache";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import {
  currentListIndex,
  enableListIndex,
  keepListIndexFresh,
  listIndexBuilds,
  warmListIndex,
} from "@/lib/catalog/list-index/index-cache";
import type { ListIndex } from "@/lib/catalog/list-index/list-index";
import { loadListIndex } from "@/lib/catalog/list-index/load-list-index";
import { getEntityFacets } from "@/lib/catalog/queries/entity-facets";
import { listEntities } from "@/lib/catalog/queries/list-entities";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { type CatalogTestDb, sqlOnlyClient, startCatalogTestDb } from "../fixtures/catalog/test-db";

// After a write, the list index must be brought to the new revision by applying the logged
// changes (not by reading every entity again), and it must then be exactly the index a full
// load builds, answering as SQL does. Runs on PGlite, or on TEST_DATABASE_URL's server.

let t: CatalogTestDb;
let sqlOnly: SqlExecutor;
let dir: string;
let entities: Array<{ kind: string; metadata: Record<string, unknown>; spec: Record<string, unknown> }>;
const ingest = () => ingestFromDirectory(t.db, dir, { maxBytes: 8 * 1024 * 1024 });

beforeAll(async () => {
  t = await startCatalogTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "list-delta-"));
  entities = generate(800) as typeof entities;
  await writeTree(dir, entities);
  expect((await ingest()).result.ok).toBe(true);
  sqlOnly = sqlOnlyClient(t.db);
  // Requests do not wait for deltas here, so each test sees the index go stale, then catch up.
  enableListIndex(t.db, { deltaWaitMs: 0, catchUpMs: 0 });
  expect(await warmListIndex(t.db)).toBeDefined();
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t?.stop();
});

const strip = ({ orders: _orders, byId: _byId, ...rest }: ListIndex) => rest;

/** Brings the index up to date and says how: "delta" or "full". */
async function refreshIndex(): Promise<{ index: ListIndex; kind: "delta" | "full" }> {
  const before = listIndexBuilds(t.db) as { delta: number; full: number };
  expect(await currentListIndex(t.db), "the write should make the index stale").toBeUndefined();
  const index = (await warmListIndex(t.db)) as ListIndex;
  expect(index).toBeDefined();
  const after = listIndexBuilds(t.db) as { delta: number; full: number };
  expect(after.delta + after.full).toBe(before.delta + before.full + 1);
  return { index, kind: after.delta > before.delta ? "delta" : "full" };
}

/** The index equals a fresh full load, and the read paths answer as SQL does. */
async function expectLikeFullLoadAndSql(index: ListIndex) {
  // The SQL landing page reads refresh-maintained counts, which hand-made writes leave stale.
  await invalidateListCache(t.db);
  expect(strip(index)).toEqual(strip((await loadListIndex(t.db)) as ListIndex));
  const inputs = [
    {},
    { kind: "component", sort: "name" as const, pageSize: 100 },
    { q: "pay", sort: "-name" as const, includeOrphans: true },
    { tags: ["brand-new-tag", "java"], sort: "owner" as const },
    { type: ["zz-new-type", "service"], sort: "kind" as const, page: 2, pageSize: 25 },
    { q: "aaa", sort: "updated" as const },
  ];
  for (const input of inputs)
    expect(await listEntities(t.db, input)).toEqual(await listEntities(sqlOnly, input));
  const query = {
    filter: [{ kind: ["component", "api"] }],
    fullTextFilter: { term: "a", fields: ["metadata.name", "metadata.title", "spec.target"] },
    orderFields: [{ field: "metadata.name", order: "asc" as const }],
    limit: 200,
  };
  expect(await queryEntities(t.db, query)).toEqual(await queryEntities(sqlOnly, query));
  const facets = { facets: ["kind", "spec.type", "metadata.tags", "spec.lifecycle"] };
  expect(await getEntityFacets(t.db, facets)).toEqual(await getEntityFacets(sqlOnly, facets));
}

describe("catalog list index deltas", () => {
  it("applies a refresh's upserts (new facet values, tags, new entities) as a delta", async () => {
    const components = entities.filter((e) => e.kind === "Component");
    components[0].spec.type = "zz-new-type";
    components[1].metadata.tags = ["brand-new-tag", "java"];
    components[2].metadata.title = "Brand new title";
    for (let i = 0; i < 3; i++)
      entities.push({ ...components[3], metadata: { ...components[3].metadata, name: `aaa-new-${i}` } });
    await writeTree(dir, entities);
    expect((await ingest()).result.ok).toBe(true);
    const { index, kind } = await refreshIndex();
    expect(kind).toBe("delta");
    expect(index.dictionaries.type).toContain("zz-new-type");
    await expectLikeFullLoadAndSql(index);
  });

  it("applies renames (name order), deletes and orphaning as a delta", async () => {
    await t.query(
      `UPDATE catalog_entities SET name = 'AAA-renamed', search_text = search_text || ' aaaword' WHERE ref = (SELECT max(ref) FROM catalog_entities WHERE kind = 'component')`,
    );
    await t.query(
      `UPDATE catalog_entities SET name = (SELECT min(name) FROM catalog_entities WHERE kind = 'api'), orphan = true
       WHERE ref = (SELECT min(ref) FROM catalog_entities WHERE kind = 'component')`,
    );
    await t.query(
      `DELETE FROM catalog_entities WHERE ref IN (SELECT ref FROM catalog_entities WHERE kind = 'resource' LIMIT 5)`,
    );
    const { index, kind } = await refreshIndex();
    expect(kind).toBe("delta");
    await expectLikeFullLoadAndSql(index);
  });

  it("logs each entity once per revision and prunes the log past its cap", async () => {
    const [{ revision }] = await t.query<{ revision: string }>("SELECT revision::text FROM catalog_state");
    await t.query(`UPDATE catalog_entities SET updated_at = now() WHERE kind = 'system'`);
    const [{ n }] = await t.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalog_changes WHERE revision = $1::bigint + 1",
      [revision],
    );
    const [{ systems }] = await t.query<{ systems: number }>(
      "SELECT count(*)::int AS systems FROM catalog_entities WHERE kind = 'system'",
    );
    expect(n).toBe(systems);
    expect((await refreshIndex()).kind).toBe("delta");
    // Fill the log past its cap with old revisions: the next write drops them and moves the horizon.
    await t.query(
      `INSERT INTO catalog_changes (revision, entity_id) SELECT 1, gen_random_uuid() FROM generate_series(1, 100000)`,
    );
    await t.query("UPDATE catalog_state SET change_rows = change_rows + 100000");
    await t.query(`UPDATE catalog_entities SET updated_at = now() WHERE kind = 'domain'`);
    const [state] = await t.query<{ changes_from: string; change_rows: string; logged: number }>(
      "SELECT changes_from::text, change_rows::text, (SELECT count(*)::int FROM catalog_changes) AS logged FROM catalog_state",
    );
    expect(Number(state.change_rows)).toBe(state.logged);
    expect(state.logged).toBeLessThanOrEqual(50_000);
    expect(Number(state.changes_from)).toBeGreaterThanOrEqual(1);
    // The index's revision is still within the log, so this is a delta.
    expect((await refreshIndex()).kind).toBe("delta");
  });

  it("patches only update times when rows changed outside the index's columns, however many", async () => {
    // What a refresh that changes every entity's annotations writes: the whole catalog, with
    // nothing the list index holds changed except updated_at (plus one real change beside it).
    await t.query(
      `UPDATE catalog_entities SET updated_at = now() - ((abs(hashtext(ref)) % 100000)::text || ' seconds')::interval,
         entity = jsonb_set(entity, '{metadata,annotations}', '{"bench/revision": "2"}')`,
    );
    await t.query(
      `UPDATE catalog_entities SET lifecycle = 'sunset' WHERE ref = (SELECT min(ref) FROM catalog_entities)`,
    );
    const [{ touched, listed }] = await t.query<{ touched: number; listed: number }>(
      `SELECT count(*) FILTER (WHERE NOT list_change)::int AS touched, count(*) FILTER (WHERE list_change)::int AS listed
       FROM catalog_changes WHERE revision > (SELECT revision - 2 FROM catalog_state)`,
    );
    expect(listed).toBe(1);
    const [{ all }] = await t.query<{ all: number }>("SELECT count(*)::int AS all FROM catalog_entities");
    expect(touched).toBe(all);
    const { index, kind } = await refreshIndex();
    expect(kind).toBe("delta");
    await expectLikeFullLoadAndSql(index);
    expect(await listEntities(t.db, { sort: "-updated", pageSize: 50 })).toEqual(
      await listEntities(sqlOnly, { sort: "-updated", pageSize: 50 }),
    );
  });

  it("a request right after a write waits for the delta instead of answering from SQL", async () => {
    // A second client over the same database whose requests wait for deltas (long, so timing cannot matter).
    const waiting = sqlOnlyClient(t.db);
    enableListIndex(waiting, { deltaWaitMs: 60_000, catchUpMs: 0 });
    expect(await warmListIndex(waiting)).toBeDefined();
    await t.query(`UPDATE catalog_entities SET tags = tags || ARRAY['waited-for'] WHERE kind = 'api'`);
    const [{ revision }] = await t.query<{ revision: string }>("SELECT revision::text FROM catalog_state");
    const index = await currentListIndex(waiting);
    expect(index?.revision).toBe(revision);
    expect(index?.dictionaries.tags).toContain("waited-for");
    expect(listIndexBuilds(waiting)).toEqual({ full: 1, delta: 1 });
    await warmListIndex(t.db);
  });

  it("a refresh by this process answers once the index holds what it wrote", async () => {
    // A client whose refreshes catch the index up (the app's default), over the same database.
    const writer = Object.assign(sqlOnlyClient(t.db), {
      $transaction: t.db.$transaction.bind(t.db),
    }) as typeof t.db;
    enableListIndex(writer, { deltaWaitMs: 0 });
    expect(await warmListIndex(writer)).toBeDefined();
    entities[0].metadata.title = "Caught up before the refresh answered";
    await writeTree(dir, entities);
    expect((await ingestFromDirectory(writer, dir, { maxBytes: 8 * 1024 * 1024 })).result.ok).toBe(true);
    const [{ revision }] = await t.query<{ revision: string }>("SELECT revision::text FROM catalog_state");
    // deltaWaitMs 0: a stale index would not be waited for, so this is the index the refresh left.
    const index = await currentListIndex(writer);
    expect(index?.revision).toBe(revision);
    expect(listIndexBuilds(writer)).toEqual({ full: 1, delta: 1 });
    await warmListIndex(t.db);
  });

  it("is brought up to date by its poll when another process writes, without a read", async () => {
    const polled = sqlOnlyClient(t.db);
    enableListIndex(polled, { deltaWaitMs: 0, catchUpMs: 0 });
    expect(await warmListIndex(polled)).toBeDefined();
    const stop = keepListIndexFresh(polled, 20);
    try {
      await t.query(`UPDATE catalog_entities SET tags = tags || ARRAY['polled'] WHERE kind = 'system'`);
      const deadline = Date.now() + 10_000;
      while ((listIndexBuilds(polled)?.delta ?? 0) < 1 && Date.now() < deadline) await sleep(20);
      expect(listIndexBuilds(polled)).toEqual({ full: 1, delta: 1 });
      expect((await currentListIndex(polled))?.dictionaries.tags).toContain("polled");
    } finally {
      stop();
    }
    await warmListIndex(t.db);
  });

  it("rebuilds in full when the log no longer reaches the index, or much of the catalog changed", async () => {
    await t.query("UPDATE catalog_entities SET updated_at = now() WHERE kind = 'domain'");
    await t.query("UPDATE catalog_state SET changes_from = revision");
    expect((await refreshIndex()).kind).toBe("full");
    await t.query("UPDATE catalog_entities SET tags = tags || ARRAY['bulk'] WHERE kind = 'component'");
    const { index, kind } = await refreshIndex();
    expect(kind).toBe("full");
    await expectLikeFullLoadAndSql(index);
  });
});
