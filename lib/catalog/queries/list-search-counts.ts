import { LIST_FACETS, type ListFacet } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { SqlParams } from "./sql-params";

/** One WHERE condition over alias `e`, adding its parameters as it renders. */
export type Condition = (params: SqlParams) => string;
export type ListConditions = Partial<Record<ListFacet | "q" | "orphan", Condition>>;

export interface ListCounts {
  total: number;
  facets: Record<ListFacet, Array<{ value: string; count: number }>>;
}

/**
 * Total and facet counts of a text search in one heap pass: the matches' narrow columns and
 * one flag per facet selection are materialized once, then every count (each facet ignoring
 * its own selection) aggregates that small set. Separate queries would each re-run the
 * tsquery and re-read every match's (wide) row.
 */
export async function searchCounts(db: SqlExecutor, c: ListConditions, limit: number): Promise<ListCounts> {
  const params = new SqlParams();
  const base =
    (["q", "orphan"] as const).flatMap((k) => (c[k] ? [c[k](params)] : [])).join(" AND ") || "true";
  const selected = LIST_FACETS.filter((f) => c[f]);
  const flags = selected.map((f) => `, (${(c[f] as Condition)(params)}) AS "f_${f}"`).join("");
  const allOf = (except?: ListFacet) =>
    selected
      .filter((f) => f !== except)
      .map((f) => `m."f_${f}"`)
      .join(" AND ") || "true";
  const branch = (facet: ListFacet) => {
    const from = facet === "tags" ? "m, unnest(m.tags) v" : "m";
    const value = facet === "tags" ? "v" : `m.${facet}`;
    return `(SELECT '${facet}' AS facet, ${value} AS value, count(*)::int AS count,
        row_number() OVER (ORDER BY count(*) DESC, ${value}) AS rn
      FROM ${from} WHERE ${allOf(facet)} AND ${value} IS NOT NULL GROUP BY ${value}
      ORDER BY count DESC, value LIMIT ${limit})`;
  };
  const rows = await db.$queryRawUnsafe<
    Array<{ facet: string; value: string | null; count: number; rn: number }>
  >(
    `WITH m AS MATERIALIZED (
       SELECT e.kind, e.type, e.owner, e.lifecycle, e.namespace, e.tags${flags}
       FROM catalog_entities e WHERE ${base})
     SELECT '' AS facet, NULL::text AS value, (count(*) FILTER (WHERE ${allOf()}))::int AS count, 0::bigint AS rn FROM m
     ${LIST_FACETS.map((f) => `UNION ALL ${branch(f)}`).join("\n")}`,
    ...params.values,
  );
  const facets = Object.fromEntries(LIST_FACETS.map((f) => [f, []])) as unknown as ListCounts["facets"];
  const sorted = rows.filter((r) => r.facet !== "").sort((a, b) => Number(a.rn) - Number(b.rn));
  for (const r of sorted) facets[r.facet as ListFacet].push({ value: r.value as string, count: r.count });
  return { total: rows.find((r) => r.facet === "")?.count ?? 0, facets };
}
