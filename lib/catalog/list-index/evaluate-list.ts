import { LIST_FACETS, type ListFacet } from "../db/list-cache";
import { addCounts, countFacet, type FacetValues, rowsWith, topValues } from "./facet-counts";
import type { ListIndex } from "./list-index";
import { type ListSort, sortedRows } from "./sort-order";
import { matchWords } from "./text-match";

export interface ListIndexQuery {
  /** Lower-cased, canonical selections per facet (owner as a full ref). */
  facets: Partial<Record<ListFacet, string[]>>;
  /** Full-text words (see memoryTermWords); none = no text condition. */
  words: string[];
  includeOrphans: boolean;
  sort: ListSort;
  offset: number;
  limit: number;
  facetLimit: number;
}

export interface ListIndexAnswer {
  /** Row numbers of the page, in order. */
  rows: number[];
  total: number;
  facets: Record<ListFacet, FacetValues>;
}

// Per-row state codes: a row in the base set (text and orphan conditions) that fails no
// facet selection is MATCH; one failing exactly the k-th selected facet is MISSED_ONE + k.
const OUT = 0;
const MATCH = 1;
const MISSED_ONE = 2;
const MISSED_MANY = 255;

/**
 * The catalog table from the in-process index, with listEntities' semantics: rows must pass
 * the text and orphan conditions and every facet selection; each facet's counts ignore that
 * facet's own selection (multi-select), so a row failing exactly one selection still counts
 * for that one facet.
 */
export function evaluateList(index: ListIndex, query: ListIndexQuery): ListIndexAnswer {
  const state =
    query.words.length > 0 ? matchWords(index, query.words) : new Uint8Array(index.size).fill(MATCH);
  if (!query.includeOrphans)
    for (let row = 0; row < index.size; row++) if (index.orphan[row]) state[row] = OUT;
  const selected = LIST_FACETS.filter((f) => (query.facets[f]?.length ?? 0) > 0);
  selected.forEach((facet, k) => {
    const pass = rowsWith(index, facet, query.facets[facet] as string[]);
    for (let row = 0; row < index.size; row++) {
      const s = state[row];
      if (s === OUT || pass[row]) continue;
      state[row] = s === MATCH ? MISSED_ONE + k : MISSED_MANY;
    }
  });
  let total = 0;
  for (let row = 0; row < index.size; row++) if (state[row] === MATCH) total++;
  const facets = {} as Record<ListFacet, FacetValues>;
  for (const facet of LIST_FACETS) {
    const counts = countFacet(index, facet, state, MATCH);
    const k = selected.indexOf(facet);
    if (k >= 0) addCounts(counts, countFacet(index, facet, state, MISSED_ONE + k));
    facets[facet] = topValues(index, facet, counts, query.facetLimit);
  }
  return {
    rows: pageOf(sortedRows(index, query.sort), state, MATCH, query.offset, query.limit),
    total,
    facets,
  };
}

/** Rows with `rows[row] === member`, [offset, offset + limit) of them in the given order. */
export function pageOf(
  order: Int32Array,
  rows: Uint8Array,
  member: number,
  offset: number,
  limit: number,
): number[] {
  const page: number[] = [];
  let seen = 0;
  for (let k = 0; k < order.length && page.length < limit; k++) {
    const row = order[k];
    if (rows[row] !== member) continue;
    if (seen++ >= offset) page.push(row);
  }
  return page;
}
