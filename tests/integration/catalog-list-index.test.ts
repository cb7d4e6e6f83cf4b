import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, writeTree } from "@/bench/catalog";
import { invalidateListCache } from "@/lib/catalog/db/list-cache";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { matchFields } from "@/lib/catalog/list-index/field-text";
import { currentListIndex, enableListIndex, warmListIndex } from "@/lib/catalog/list-index/index-cache";
import type { ListIndex } from "@/lib/catalog/list-index/list-index";
import { getEntityFacets } from "@/lib/catalog/queries/entity-facets";
import type { EntityFilter } from "@/lib/catalog/queries/filter";
import { type ListEntitiesInput, listEntities } from "@/lib/catalog/queries/list-entities";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { type CatalogTestDb, sqlOnlyClient, startCatalogTestDb } from "../fixtures/catalog/test-db";

// The in-process list index must answer exactly as SQL does. Every case below runs twice:
// on the app's client with the index enabled and current, and on a plain wrapper of the same
// client (not registered, so SQL only), and the answers must be equal.

let t: CatalogTestDb;
let sqlOnly: SqlExecutor;
let dir: string;

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const some = <T>(xs: readonly T[], max = 2): T[] =>
  Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => pick(xs));

const KINDS = ["component", "API", "resource", "Group", "user", "system", "domain", "template"];
const TYPES = ["service", "website", "library", "worker", "openapi", "database", "team", "nope"];
const LIFECYCLES = ["production", "experimental", "deprecated", "retired"];
const TAGS = ["java", "go", "python", "kafka", "pci", "tier-1", "gdpr", "none-such"];
const TERMS = [
  "",
  "pay",
  "payments",
  "orders serv",
  "risk-db",
  "1",
  "12",
  "team",
  "handles fraud",
  "zzz",
  "api 3",
  "!!",
];
const SORTS = ["name", "-name", "kind", "-kind", "updated", "-updated", "owner", "-owner"] as const;

beforeAll(async () => {
  t = await startCatalogTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "list-index-"));
  await writeTree(dir, generate(1500));
  const { result } = await ingestFromDirectory(t.db, dir, { maxBytes: 8 * 1024 * 1024 });
  expect(result.ok).toBe(true);
  // Orphans, a second namespace and spread-out update times, so every condition and sort
  // key has something to tell apart.
  await t.query(`UPDATE catalog_entities SET orphan = true WHERE name LIKE '%7'`);
  await t.query(`UPDATE catalog_entities SET namespace = 'other' WHERE name LIKE '%3'`);
  await t.query(
    `UPDATE catalog_entities SET updated_at = now() - make_interval(mins => abs(hashtext(ref)) % 50)`,
  );
  // The catalog table's full-text fields beyond name and title: strings, numbers, booleans,
  // objects (never matched) and arrays, in mixed case.
  await t.query(
    `UPDATE catalog_entities SET entity = jsonb_set(entity, '{spec,profile}', jsonb_build_object('displayName', 'Dr ' || upper(name)))
     WHERE kind = 'user' OR name LIKE '%1'`,
  );
  await t.query(
    `UPDATE catalog_entities SET entity = jsonb_set(entity, '{spec,target}', to_jsonb('HTTPS://Pay.Example.com/' || name))
     WHERE name LIKE '%2'`,
  );
  await t.query(
    `UPDATE catalog_entities SET entity = jsonb_set(entity, '{spec,targets}',
       jsonb_build_array('./Docs/' || name, 42, true, jsonb_build_object('x', 'pay')))
     WHERE name LIKE '%5'`,
  );
  await invalidateListCache(t.db);
  sqlOnly = sqlOnlyClient(t.db);
  // No waiting for deltas: the staleness test below sees the SQL fallback deterministically.
  enableListIndex(t.db, { deltaWaitMs: 0, catchUpMs: 0 });
  expect(await warmListIndex(t.db)).toBeDefined();
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t?.stop();
});

async function expectIndexed() {
  expect(await currentListIndex(t.db), "index should be current").toBeDefined();
}

function randomListInput(): ListEntitiesInput {
  return {
    kind: some(KINDS),
    type: some(TYPES),
    owner: some([...Array.from({ length: 30 }, (_, i) => `team-${i}`), "group:default/team-1", "Team-2"]),
    lifecycle: some(LIFECYCLES, 1),
    namespace: rnd() < 0.2 ? ["other"] : [],
    tags: some(TAGS),
    q: pick(TERMS),
    includeOrphans: rnd() < 0.3,
    sort: pick(SORTS),
    page: 1 + Math.floor(rnd() * 3),
    pageSize: pick([5, 25, 100]),
  };
}

function randomFilter(): EntityFilter {
  const keys: Array<[string, readonly string[]]> = [
    ["kind", KINDS],
    ["spec.type", TYPES],
    ["spec.lifecycle", LIFECYCLES],
    ["metadata.tags", TAGS],
    ["metadata.namespace", ["default", "other"]],
  ];
  return Array.from({ length: Math.floor(rnd() * 3) }, () =>
    Object.fromEntries(
      some(keys, 2).map(([key, values]) => [
        key,
        rnd() < 0.15 ? [Symbol.for("CATALOG_FILTER_EXISTS") as never] : some(values, 2).concat(pick(values)),
      ]),
    ),
  );
}

describe("catalog list index answers exactly as SQL", () => {
  it("listEntities: 150 random filter, search, sort and page combinations", async () => {
    await expectIndexed();
    for (let i = 0; i < 150; i++) {
      const input = randomListInput();
      const [fromIndex, fromSql] = await Promise.all([
        listEntities(t.db, input),
        listEntities(sqlOnly, input),
      ]);
      expect(fromIndex, JSON.stringify(input)).toEqual(fromSql);
    }
    // The landing page, whose SQL answer comes from the refresh-maintained counts.
    expect(await listEntities(t.db, {})).toEqual(await listEntities(sqlOnly, {}));
  });

  it("queryEntities: filters, terms, both name orders, totals and the cursor's next page", async () => {
    for (let i = 0; i < 80; i++) {
      const request = {
        filter: randomFilter(),
        fullTextFilter: { term: pick(TERMS) },
        orderFields: [{ field: "metadata.name", order: pick(["asc", "desc"] as const) }],
        totalItems: pick(["include", "exclude"] as const),
        limit: pick([1, 7, 30]),
        offset: pick([0, 0, 3]),
      };
      const a = await queryEntities(t.db, request);
      const b = await queryEntities(sqlOnly, request);
      expect(a, JSON.stringify(request)).toEqual(b);
      if (a.pageInfo.nextCursor) {
        const next = { cursor: a.pageInfo.nextCursor, limit: request.limit };
        expect(await queryEntities(t.db, next)).toEqual(await queryEntities(sqlOnly, next));
      }
    }
  });

  it("queryEntities: fullTextFilterFields from the index's field text, as SQL matches them", async () => {
    const ui = ["metadata.name", "metadata.title", "spec.profile.displayName", "spec.target", "spec.targets"];
    const fieldSets = [
      ui,
      ["spec.targets", "Metadata.Title"],
      ["spec.type", "metadata.tags", "kind"],
      ["metadata.namespace"],
    ];
    const terms = ["pay", "DR ", "example.com/", "42", "tru", "-1", "service", "zzz", "a", "x", "othe", "i-"];
    const index = await currentListIndex(t.db);
    expect(index).toBeDefined();
    for (let i = 0; i < 60; i++) {
      const fields = pick(fieldSets);
      const term = pick(terms);
      // The index must answer these itself, not hand them to SQL.
      expect(matchFields(index as ListIndex, fields, term)).toBeDefined();
      const request = {
        filter: randomFilter(),
        fullTextFilter: { term, fields },
        orderFields: [{ field: "metadata.name", order: pick(["asc", "desc"] as const) }],
        limit: pick([1, 7, 30]),
        offset: pick([0, 0, 3]),
      };
      expect(await queryEntities(t.db, request), JSON.stringify(request)).toEqual(
        await queryEntities(sqlOnly, request),
      );
    }
    // A field the index does not hold goes to SQL.
    expect(matchFields(index as ListIndex, ["metadata.description"], "pay")).toBeUndefined();
  });

  it("entity facets over column filters", async () => {
    for (let i = 0; i < 60; i++) {
      const request = {
        facets: some(
          ["kind", "spec.type", "metadata.tags", "metadata.namespace", "spec.lifecycle"],
          3,
        ).concat("kind"),
        filter: randomFilter(),
      };
      expect(await getEntityFacets(t.db, request), JSON.stringify(request)).toEqual(
        await getEntityFacets(sqlOnly, request),
      );
    }
  });

  it("a refresh that changes nothing keeps the index current (no rebuild per scheduled refresh)", async () => {
    // The first refresh undoes this file's hand-made orphans and namespaces (a real change).
    const refresh = () => ingestFromDirectory(t.db, dir, { maxBytes: 8 * 1024 * 1024 });
    expect((await refresh()).result.ok).toBe(true);
    expect(await currentListIndex(t.db)).toBeUndefined();
    const before = await warmListIndex(t.db);
    expect(before).toBeDefined();
    const { result } = await refresh();
    expect(result.ok && result.unchanged).toBeGreaterThan(1000);
    expect(await currentListIndex(t.db)).toBe(before);
  });

  it("a committed change makes the index stale at once; reads fall back to SQL until it is rebuilt", async () => {
    await expectIndexed();
    const before = await listEntities(t.db, { kind: "component", sort: "name", pageSize: 1 });
    const victim = before.items[0];
    await t.query("DELETE FROM catalog_entities WHERE id = $1::uuid", [victim.uid]);
    expect(await currentListIndex(t.db)).toBeUndefined();
    const during = await listEntities(t.db, { kind: "component", sort: "name", pageSize: 1 });
    expect(during.items[0].uid).not.toBe(victim.uid);
    expect(during.total).toBe(before.total - 1);
    expect(await warmListIndex(t.db)).toBeDefined();
    expect(await listEntities(t.db, { kind: "component", sort: "name", pageSize: 1 })).toEqual(during);
  });
});
