import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidateListCache } from "@/lib/catalog/db/list-cache";
import { maintainAfterBulkWrite } from "@/lib/catalog/db/maintenance";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { getEntityFacets } from "@/lib/catalog/queries/entity-facets";
import { parseFilterParams } from "@/lib/catalog/queries/filter";
import { getEntities } from "@/lib/catalog/queries/get-entities";
import { getEntitiesByRefs, getEntityByName, getEntityByUid } from "@/lib/catalog/queries/get-entity";
import { listEntities } from "@/lib/catalog/queries/list-entities";
import { parseOrderParams } from "@/lib/catalog/queries/order";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

let t: CatalogTestDb;

beforeAll(async () => {
  t = await startCatalogTestDb();
  const { result } = await ingestFromDirectory(t.db, path.resolve(__dirname, "../fixtures/catalog/tree"));
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await t?.stop();
});

const names = (items: Array<{ metadata?: { name?: string } } | null>) =>
  items.map((e) => e?.metadata?.name ?? null);

describe("Backstage-style entity queries", () => {
  it("filters with AND inside a filter and OR across filters, case-insensitively", async () => {
    const { items } = await getEntities(t.db, {
      filter: parseFilterParams(["kind=COMPONENT,spec.type=service", "kind=api"]),
      order: parseOrderParams("asc:metadata.name"),
    });
    expect(names(items)).toEqual(["payments", "payments-api"]);
  });

  it("supports exists, JSON paths, array values, annotations and relations", async () => {
    const byPath = await getEntities(t.db, { filter: parseFilterParams("spec.consumesApis=Payments-API") });
    expect(names(byPath.items)).toEqual(["checkout"]);
    const exists = await getEntities(t.db, {
      filter: parseFilterParams("kind=group,spec.parent"),
      fields: ["metadata.name"],
    });
    expect(exists.items).toEqual([{ metadata: { name: "team-payments" } }]);
    const rel = await getEntities(t.db, {
      filter: parseFilterParams("relations.ownedBy=group:default/engineering"),
    });
    expect(names(rel.items)).toEqual(["commerce"]);
    const owner = await getEntities(t.db, {
      filter: parseFilterParams("spec.owner=group:default/team-payments,kind=component"),
    });
    expect(names(owner.items).sort()).toEqual(["checkout", "payments"]);
    const ann = await getEntities(t.db, {
      filter: parseFilterParams("metadata.annotations.backstage.io/orphan"),
    });
    expect(ann.items).toEqual([]);
    const tags = await getEntities(t.db, { filter: parseFilterParams("metadata.tags=PCI") });
    expect(names(tags.items)).toEqual(["payments"]);
  });

  it("orders descending with missing values last and pages with limit/after", async () => {
    const order = parseOrderParams("desc:metadata.title");
    const all = await getEntities(t.db, {
      filter: parseFilterParams("kind=component,kind=system,kind=domain"),
      order,
    });
    expect(names(all.items)).toEqual(["shop", "payments", "checkout", "commerce"]);
    const first = await getEntities(t.db, {
      order,
      limit: 2,
      filter: parseFilterParams("kind=component,kind=system,kind=domain"),
    });
    expect(names(first.items)).toEqual(["shop", "payments"]);
    const second = await getEntities(t.db, {
      order,
      limit: 2,
      after: first.nextCursor,
      filter: parseFilterParams("kind=component,kind=system,kind=domain"),
    });
    expect(names(second.items)).toEqual(["checkout", "commerce"]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("pages by-query with cursors, totals and full-text search", async () => {
    const first = await queryEntities(t.db, {
      limit: 4,
      orderFields: [{ field: "metadata.name", order: "asc" }],
    });
    expect(first.totalItems).toBe(11); // 9 entities + the fixture Location + the generated one
    expect(first.pageInfo.prevCursor).toBeUndefined();
    const seen = [...names(first.items)];
    let cursor = first.pageInfo.nextCursor;
    let last = first;
    while (cursor) {
      last = await queryEntities(t.db, { cursor, limit: 4 });
      seen.push(...names(last.items));
      cursor = last.pageInfo.nextCursor;
    }
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    const back = await queryEntities(t.db, { cursor: last.pageInfo.prevCursor!, limit: 4 });
    expect(names(back.items)).toEqual(seen.slice(4, 8));

    const search = await queryEntities(t.db, {
      fullTextFilter: { term: "charg card" },
      filter: parseFilterParams("kind=component"),
    });
    expect(names(search.items)).toEqual(["payments"]);
    const byDescription = await queryEntities(t.db, {
      fullTextFilter: { term: "storefront", fields: ["metadata.description"] },
    });
    expect(names(byDescription.items)).toEqual(["checkout"]);
    const substring = await queryEntities(t.db, {
      fullTextFilter: { term: "lovelace", fields: ["spec.profile.displayName"] },
      totalItems: "exclude",
    });
    expect(names(substring.items)).toEqual(["ada"]);
    expect(substring.totalItems).toBe(0);
  });

  it("computes facets with array values counted per element", async () => {
    const { facets } = await getEntityFacets(t.db, {
      facets: ["kind", "metadata.tags", "spec.lifecycle"],
      filter: parseFilterParams("kind=component,kind=resource,kind=api"),
    });
    expect(facets.kind).toEqual([
      { value: "Component", count: 2 },
      { value: "API", count: 1 },
      { value: "Resource", count: 1 },
    ]);
    expect(facets["metadata.tags"]).toEqual(
      ["java", "pci", "postgres", "typescript", "web"].map((value) => ({ value, count: 1 })),
    );
    expect(facets["spec.lifecycle"]).toEqual([
      { value: "production", count: 2 },
      { value: "experimental", count: 1 },
    ]);
  });

  it("looks up by name, uid and refs", async () => {
    const byName = await getEntityByName(t.db, { kind: "Component", namespace: "DEFAULT", name: "Payments" });
    expect(byName?.metadata.name).toBe("payments");
    expect(await getEntityByUid(t.db, byName!.metadata.uid!)).toMatchObject({
      metadata: { name: "payments" },
    });
    expect(await getEntityByUid(t.db, "not-a-uuid")).toBeNull();
    const { items } = await getEntitiesByRefs(t.db, {
      entityRefs: ["api:payments-api", "component:default/nope", "bad ref:", "group:default/engineering"],
      fields: ["kind", "metadata.name"],
    });
    expect(items).toEqual([
      { kind: "API", metadata: { name: "payments-api" } },
      null,
      null,
      { kind: "Group", metadata: { name: "engineering" } },
    ]);
  });
});

describe("listEntities (catalog table)", () => {
  it("returns a page, the total and facets that ignore their own selection", async () => {
    const result = await listEntities(t.db, { kind: ["component"], pageSize: 1, sort: "-name" });
    expect(result.total).toBe(2);
    expect(result.items.map((i) => i.name)).toEqual(["payments"]);
    expect(result.items[0]).toMatchObject({
      kind: "Component",
      title: "Payments Service",
      owner: "group:default/team-payments",
    });
    expect(result.facets.kind.find((k) => k.value === "API")?.count).toBe(1);
    expect(result.facets.type).toEqual([
      { value: "service", count: 1 },
      { value: "website", count: 1 },
    ]);
    expect(result.facets.tags.map((x) => x.value)).toEqual(["java", "pci", "typescript", "web"]);
  });

  it("combines owner, tags, lifecycle and text search", async () => {
    const r = await listEntities(t.db, { owner: "team-payments", tags: ["web", "postgres"], q: "checkout" });
    expect(r.items.map((i) => i.ref)).toEqual(["component:default/checkout"]);
    const none = await listEntities(t.db, { lifecycle: "deprecated" });
    expect(none).toMatchObject({ total: 0, items: [] });
    expect(none.facets.lifecycle.map((l) => l.value).sort()).toEqual(["experimental", "production"]);
  });
});

describe("storage for scale", () => {
  it("stores each relation once and derives the inverse when reading and filtering", async () => {
    const stored = await t.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM catalog_relations WHERE type IN ('ownerOf', 'hasPart', 'apiProvidedBy')",
    );
    expect(stored[0].n).toBe(0);
    const owners = await getEntities(t.db, {
      filter: parseFilterParams("relations.ownerOf=system:default/shop"),
    });
    expect(names(owners.items)).toEqual(["team-payments"]);
    const owner = await getEntityByName(t.db, { kind: "Group", name: "team-payments" });
    expect(owner?.relations).toEqual(
      expect.arrayContaining([{ type: "ownerOf", targetRef: "system:default/shop" }]),
    );
    const withAny = await getEntities(t.db, { filter: parseFilterParams("kind=group,relations.ownerOf") });
    expect(names(withAny.items).sort()).toEqual(["engineering", "team-payments"]);
  });

  it("vacuums and analyzes only after large writes", async () => {
    expect(await maintainAfterBulkWrite(t.db, 10)).toBe(false);
    expect(await maintainAfterBulkWrite(t.db, 10_000)).toBe(true);
    const stats = await t.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE relname = 'catalog_entities' AND last_vacuum IS NOT NULL",
    );
    expect(stats[0].n).toBe(1);
  });

  it("answers the unfiltered table from the refresh-maintained cache, equal to live counts", async () => {
    const cachedRows = await t.query<{ n: number }>("SELECT count(*)::int AS n FROM catalog_list_cache");
    expect(cachedRows[0].n).toBeGreaterThan(0);
    const cached = await listEntities(t.db, { pageSize: 3 });
    await invalidateListCache(t.db);
    const live = await listEntities(t.db, { pageSize: 3 });
    expect(cached).toEqual(live);
    expect(cached.total).toBe(11);
    expect(cached.facets.kind.find((k) => k.value === "Component")?.count).toBe(2);
    expect(cached.facets.tags.length).toBeGreaterThan(0);
  });

  it("counts a text search and its facets in one pass, each facet ignoring its own selection", async () => {
    const r = await listEntities(t.db, { q: "payments", kind: "component" });
    const matches = await t.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM catalog_entities
       WHERE search_vector @@ to_tsquery('simple', 'payments:*') AND NOT orphan GROUP BY kind ORDER BY n DESC, kind`,
    );
    expect(matches.length).toBeGreaterThan(1);
    expect(r.total).toBe(matches.find((m) => m.kind === "component")?.n);
    expect(r.items.every((i) => i.kind === "Component")).toBe(true);
    expect(r.facets.kind.map((k) => [k.value.toLowerCase(), k.count])).toEqual(
      matches.map((m) => [m.kind, m.n]),
    );
    const narrowed = await listEntities(t.db, { q: "payments", kind: "component", tags: ["pci"] });
    expect(narrowed.total).toBe(1);
    expect(narrowed.facets.tags.find((x) => x.value === "pci")?.count).toBe(1);
  });
});
