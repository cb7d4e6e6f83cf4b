import type { ListFacet } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { timedQuery } from "../db/timed-query";
import { compileFilter, facetCounts, indexFacetOf } from "../list-index/evaluate-filter";
import { currentListIndex } from "../list-index/index-cache";
import { knownKind } from "../model/constants";
import { lookupTable } from "../model/safe-keys";
import { pgPathLiteral, splitEntityPath } from "./entity-paths";
import { type EntityFilter, filterToSql } from "./filter";
import { SqlParams } from "./sql-params";

export interface EntityFacetsResponse {
  facets: Record<string, Array<{ value: string; count: number }>>;
}

/**
 * Facets answered from narrow indexed columns instead of the JSON. Their values are the
 * lower-cased forms (kind is mapped back to its canonical spelling).
 */
const COLUMN_FACETS = lookupTable({
  kind: "e.kind",
  "metadata.namespace": "e.namespace",
  "metadata.tags": "t",
  "spec.type": "e.type",
  "spec.lifecycle": "e.lifecycle",
});

/**
 * `GET /entity-facets`. Values come from the stored JSON as written (arrays count once per
 * element, as in Backstage), ordered by count then value.
 */
export async function getEntityFacets(
  db: SqlExecutor,
  request: { facets: string[]; filter?: EntityFilter },
): Promise<EntityFacetsResponse> {
  const fromIndex = await facetsFromIndex(db, request);
  if (fromIndex) return fromIndex;
  const out: EntityFacetsResponse["facets"] = {};
  await Promise.all(
    request.facets.map(async (facet) => {
      const params = new SqlParams();
      const where = filterToSql(request.filter ?? [], params);
      const column = COLUMN_FACETS.get(facet.toLowerCase());
      if (column) {
        const rows = await timedQuery<Array<{ value: string; count: number }>>(
          db,
          `SELECT ${column} AS value, count(*)::int AS count FROM catalog_entities e ${column === "t" ? ", unnest(e.tags) t" : ""}
           WHERE ${where} AND ${column} IS NOT NULL GROUP BY 1 ORDER BY count DESC, value ASC`,
          params.values,
        );
        out[facet] =
          facet === "kind"
            ? rows.map((r) => ({ value: knownKind(r.value) ?? r.value, count: r.count }))
            : rows;
        return;
      }
      const path = pgPathLiteral(splitEntityPath(facet));
      const rows = await timedQuery<Array<{ value: string; count: number }>>(
        db,
        `SELECT v.value, count(*)::int AS count
         FROM catalog_entities e
         CROSS JOIN LATERAL (
           SELECT jsonb_array_elements_text(e.entity #> ${path}) AS value WHERE jsonb_typeof(e.entity #> ${path}) = 'array'
           UNION ALL
           SELECT e.entity #>> ${path} WHERE jsonb_typeof(e.entity #> ${path}) IN ('string', 'number', 'boolean')
         ) v
         WHERE ${where}
         GROUP BY v.value ORDER BY count DESC, v.value ASC`,
        params.values,
      );
      out[facet] = rows;
    }),
  );
  return { facets: out };
}

/** Column facets over a column filter, counted from the in-process list index when current. */
async function facetsFromIndex(
  db: SqlExecutor,
  request: { facets: string[]; filter?: EntityFilter },
): Promise<EntityFacetsResponse | undefined> {
  const columns = request.facets.map(indexFacetOf);
  if (columns.some((c) => c === undefined)) return undefined;
  const index = await currentListIndex(db);
  if (!index) return undefined;
  const accept = compileFilter(index, request.filter ?? []);
  if (!accept) return undefined;
  const distinct = [...new Set(columns as ListFacet[])];
  const counted = facetCounts(index, distinct, accept);
  const facets = Object.fromEntries(
    request.facets.map((facet, i) => {
      const values = counted[columns[i] as ListFacet];
      return [
        facet,
        columns[i] === "kind"
          ? values.map((v) => ({ value: knownKind(v.value) ?? v.value, count: v.count }))
          : values,
      ];
    }),
  );
  return { facets };
}
