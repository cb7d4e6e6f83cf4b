import type { SqlExecutor } from "./sql-client";

/** Facets of the catalog table (listEntities), each a narrow column of catalog_entities. */
export const LIST_FACETS = ["kind", "type", "owner", "lifecycle", "namespace", "tags"] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export interface ListCache {
  total: number;
  facets: Record<ListFacet, Array<{ value: string; count: number }>>;
}

// GROUPING(kind, type, owner, lifecycle, namespace, tag) of each grouping set (a bit is set
// for every column not grouped by), mapped to the facet it counts.
const SET_MASKS = `CASE g WHEN 31 THEN 'kind' WHEN 47 THEN 'type' WHEN 55 THEN 'owner' WHEN 59 THEN 'lifecycle'
  WHEN 61 THEN 'namespace' WHEN 62 THEN 'tags' ELSE '' END`;

/**
 * Recomputes the unfiltered facet counts in one scan (grouping sets; each entity's tags are
 * unnested, and the other facets count only its first tag row). Ingestion is batch, so this
 * runs once per refresh that wrote rows, inside its transaction. The lock orders concurrent
 * refreshes so the last writer counts everyone's committed rows.
 */
export async function rebuildListCache(tx: SqlExecutor): Promise<void> {
  await tx.$executeRawUnsafe("LOCK TABLE catalog_list_cache IN EXCLUSIVE MODE");
  await tx.$executeRawUnsafe("DELETE FROM catalog_list_cache");
  await tx.$executeRawUnsafe(
    `INSERT INTO catalog_list_cache (facet, value, count)
     SELECT ${SET_MASKS}, coalesce(v, ''), n FROM (
       SELECT GROUPING(e.kind, e.type, e.owner, e.lifecycle, e.namespace, u.tag) AS g,
         coalesce(e.kind, e.type, e.owner, e.lifecycle, e.namespace, u.tag) AS v,
         CASE WHEN GROUPING(u.tag) = 0 THEN count(u.tag)
           ELSE count(*) FILTER (WHERE u.ord IS NULL OR u.ord = 1) END::int AS n
       FROM catalog_entities e LEFT JOIN LATERAL unnest(e.tags) WITH ORDINALITY u(tag, ord) ON true
       WHERE e.orphan = false
       GROUP BY GROUPING SETS ((e.kind), (e.type), (e.owner), (e.lifecycle), (e.namespace), (u.tag), ())
     ) s
     WHERE g = 63 OR v IS NOT NULL`,
  );
}

/**
 * Drops the cache so listEntities counts live until the next rebuild. Call after writing
 * catalog_entities outside a refresh (deleting an orphan needs no call: orphans are not counted).
 */
export async function invalidateListCache(db: SqlExecutor): Promise<void> {
  await db.$executeRawUnsafe("DELETE FROM catalog_list_cache");
}

/** The cached unfiltered counts, or null when there is no valid cache. */
export async function readListCache(db: SqlExecutor, limitPerFacet: number): Promise<ListCache | null> {
  const rows = await db.$queryRawUnsafe<Array<{ facet: string; value: string; count: number }>>(
    "SELECT facet, value, count FROM catalog_list_cache ORDER BY facet, count DESC, value",
  );
  const total = rows.find((r) => r.facet === "");
  if (!total) return null;
  const facets = Object.fromEntries(LIST_FACETS.map((f) => [f, []])) as unknown as ListCache["facets"];
  for (const r of rows) {
    const list = facets[r.facet as ListFacet];
    if (list && list.length < limitPerFacet) list.push({ value: r.value, count: r.count });
  }
  return { total: total.count, facets };
}
