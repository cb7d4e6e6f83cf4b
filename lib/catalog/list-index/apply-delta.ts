import { LIST_FACETS, type ListFacet } from "../db/list-cache";
import { DeltaMismatch, layoutRows, placeNames, type RowLayout } from "./delta-layout";
import { mergeFieldText, mergePostings } from "./delta-text";
import { TEXT_FIELDS } from "./field-text";
import { mergeIdOrder } from "./id-lookup";
import { COLUMN_FACETS, type ListIndex } from "./list-index";
import type { ListIndexDelta } from "./load-changes";
import { comparator, type ListSort } from "./sort-order";

/** Sorts distinct values in the database's collation order (the column's, as `ORDER BY v`). */
export type CollationSort = (values: string[]) => Promise<string[]>;

interface Recoded {
  dictionary: string[];
  /** New code of each old code (-1: unused now). */
  remap: Int32Array;
  codeOf: Map<string, number>;
}

/**
 * A facet's dictionary after the delta: the values unchanged rows still use, in their old
 * (collation) order, plus the delta rows' values. Only when a value is new does the database
 * sort the union, so the codes stay in its collation order, as the full load's `DISTINCT … ORDER BY`.
 */
async function recode(
  old: ListIndex,
  facet: ListFacet,
  delta: ListIndexDelta,
  layout: RowLayout,
  sort: CollationSort,
): Promise<Recoded> {
  const previous = old.dictionaries[facet];
  const used = new Uint8Array(previous.length);
  const { kept } = layout;
  if (facet === "tags") {
    const { tagStart, tagCodes } = old;
    for (let k = 0; k < kept.length; k++) {
      const i = kept[k];
      for (let p = tagStart[i]; p < tagStart[i + 1]; p++) used[tagCodes[p]] = 1;
    }
  } else {
    const column = old.columns[facet];
    for (let k = 0; k < kept.length; k++) if (column[kept[k]] >= 0) used[column[kept[k]]] = 1;
  }
  const keptValues = previous.filter((_, code) => used[code] === 1);
  const known = new Set(keptValues);
  const fresh = new Set<string>();
  for (const row of delta.rows) {
    const values = facet === "tags" ? row.tags : [row[facet]];
    // NULL values (and NULL tag elements) have no code, as the full load's dictionaries skip them.
    for (const v of values) if (v !== null && !known.has(v)) fresh.add(v);
  }
  const dictionary = fresh.size === 0 ? keptValues : await sort([...keptValues, ...fresh]);
  if (dictionary.length !== keptValues.length + fresh.size) throw new DeltaMismatch(`${facet} dictionary`);
  const codeOf = new Map(dictionary.map((v, i) => [v, i]));
  const remap = new Int32Array(previous.length).fill(-1);
  previous.forEach((v, code) => {
    if (used[code]) remap[code] = codeOf.get(v) as number;
  });
  return { dictionary, remap, codeOf };
}

/**
 * The index of `delta.revision` from the index of an older revision and the rows changed since
 * (loadChanges), without reading the other rows: every structure is renumbered in one pass,
 * and the result equals what buildListIndex makes from a full load of the new revision (the
 * unit tests compare both). Throws DeltaMismatch when the delta does not fit `old`.
 */
export async function applyDelta(
  old: ListIndex,
  delta: ListIndexDelta,
  sort: CollationSort,
): Promise<ListIndex> {
  const layout = layoutRows(old, delta);
  const { source } = layout;
  const size = source.length;
  const recoded = {} as Record<ListFacet, Recoded>;
  for (const facet of LIST_FACETS) recoded[facet] = await recode(old, facet, delta, layout, sort);
  const columns = {} as ListIndex["columns"];
  for (const facet of COLUMN_FACETS) {
    const { remap, codeOf } = recoded[facet];
    const from = old.columns[facet];
    const column = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const src = source[k];
      if (src >= 0) column[k] = from[src] < 0 ? -1 : remap[from[src]];
      else {
        const value = delta.rows[-src - 1][facet];
        column[k] = value === null ? -1 : (codeOf.get(value) as number);
      }
    }
    columns[facet] = column;
  }
  const tagStart = new Int32Array(size + 1);
  let tagRoom = old.tagCodes.length;
  for (const row of delta.rows) tagRoom += row.tags.length;
  const tagCodes = new Int32Array(tagRoom);
  let tagEnd = 0;
  const orphan = new Uint8Array(size);
  const updatedAt = new Float64Array(size);
  const ids = new Array<string>(size);
  const tags = recoded.tags;
  for (let k = 0; k < size; k++) {
    const src = source[k];
    tagStart[k] = tagEnd;
    if (src >= 0) {
      for (let p = old.tagStart[src]; p < old.tagStart[src + 1]; p++)
        tagCodes[tagEnd++] = tags.remap[old.tagCodes[p]];
      orphan[k] = old.orphan[src];
      updatedAt[k] = old.updatedAt[src];
      ids[k] = old.ids[src];
    } else {
      const row = delta.rows[-src - 1];
      for (const tag of row.tags) if (tag !== null) tagCodes[tagEnd++] = tags.codeOf.get(tag) as number;
      orphan[k] = row.orphan ? 1 : 0;
      updatedAt[k] = row.updated;
      ids[k] = row.id;
    }
  }
  tagStart[size] = tagEnd;
  const index: ListIndex = {
    revision: delta.revision,
    size,
    ids,
    columns,
    tagStart,
    tagCodes: tagCodes.slice(0, tagEnd),
    dictionaries: Object.fromEntries(
      LIST_FACETS.map((f) => [f, recoded[f].dictionary]),
    ) as ListIndex["dictionaries"],
    orphan,
    nameRank: placeNames(old, delta, layout),
    updatedAt,
    ...mergePostings(old, delta, layout),
    fieldText: TEXT_FIELDS.map((_, f) => mergeFieldText(old.fieldText[f], delta, f, layout)),
    orders: new Map(),
    byId: mergeIdOrder(old, layout.oldToNew, ids, layout.deltaToNew),
  };
  for (const [sortKey, order] of old.orders)
    index.orders.set(sortKey, mergeOrder(index, sortKey as ListSort, order, layout));
  return index;
}

/**
 * A cached sort order carried over: the old order's unchanged rows, renumbered, are still in
 * order (codes, ranks and row numbers were all renumbered monotonically), so they are merged
 * with the sorted delta rows in O(n) instead of sorting every row again.
 */
function mergeOrder(index: ListIndex, sortKey: ListSort, order: Int32Array, layout: RowLayout): Int32Array {
  const compare = comparator(index, sortKey);
  const added = Array.from(layout.deltaToNew).sort(compare);
  const out = new Int32Array(index.size);
  let k = 0;
  let a = 0;
  for (const oldRow of order) {
    const row = layout.oldToNew[oldRow];
    if (row < 0) continue;
    while (a < added.length && compare(added[a], row) < 0) out[k++] = added[a++];
    out[k++] = row;
  }
  while (a < added.length) out[k++] = added[a++];
  return out;
}
