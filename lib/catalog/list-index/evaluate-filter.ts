import type { ListFacet } from "../db/list-cache";
import { lookupTable } from "../model/safe-keys";
import type { EntityFilter } from "../queries/filter";
import { countFacet, type FacetValues, type RowSet, rowsWith, topValues } from "./facet-counts";
import type { ListIndex } from "./list-index";
import { sortedRows } from "./sort-order";

/** Filter keys (lower-cased) the index holds, with the same column semantics as filter.ts. */
const KEY_FACETS = lookupTable<ListFacet>({
  kind: "kind",
  "metadata.namespace": "namespace",
  "spec.type": "type",
  "spec.lifecycle": "lifecycle",
  "metadata.tags": "tags",
});

/** `GET /entity-facets` facet names the index answers, as filter keys map them. */
export function indexFacetOf(facet: string): ListFacet | undefined {
  return KEY_FACETS.get(facet.toLowerCase());
}

/**
 * The rows a Backstage filter (OR of sets, AND of keys, OR of values) selects, or undefined
 * when a key is not one the index holds (JSON paths, relations, owner, name): SQL answers those.
 */
export function compileFilter(index: ListIndex, filter: EntityFilter): RowSet | undefined {
  const sets = filter.map((set) =>
    Object.entries(set).map(([key, values]) => ({ facet: KEY_FACETS.get(key.toLowerCase()), values })),
  );
  if (sets.some((keys) => keys.some((k) => k.facet === undefined))) return undefined;
  const out = new Uint8Array(index.size);
  if (sets.length === 0) return out.fill(1);
  for (const keys of sets) {
    const inSet = new Uint8Array(index.size).fill(1);
    for (const { facet, values } of keys) {
      const exists = values.some((v) => typeof v !== "string");
      const wanted = values.filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase());
      const pass = rowsWith(index, facet as ListFacet, wanted, exists);
      for (let row = 0; row < index.size; row++) inSet[row] &= pass[row];
    }
    for (let row = 0; row < index.size; row++) out[row] |= inSet[row];
  }
  return out;
}

/** Counts of each facet's values over `rows`, all values, most frequent first. */
export function facetCounts(
  index: ListIndex,
  facets: ListFacet[],
  rows: RowSet,
): Record<string, FacetValues> {
  return Object.fromEntries(
    facets.map((f) => [f, topValues(index, f, countFacet(index, f, rows, 1), Number.POSITIVE_INFINITY)]),
  );
}

/** Rows of `rows` in name order: the page [offset, offset + limit) and how many there are in all. */
export function queryRows(
  index: ListIndex,
  options: { rows: RowSet; descending: boolean; offset: number; limit: number; countAll: boolean },
): { rows: number[]; total: number; more: boolean } {
  const order = sortedRows(index, options.descending ? "-name" : "name");
  const page: number[] = [];
  let seen = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k];
    if (!options.rows[row]) continue;
    if (seen >= options.offset && page.length < options.limit) page.push(row);
    seen++;
    // Without a total, one row past the page is enough to know there is a next page.
    if (!options.countAll && seen > options.offset + options.limit) break;
  }
  return { rows: page, total: seen, more: seen > options.offset + options.limit };
}
