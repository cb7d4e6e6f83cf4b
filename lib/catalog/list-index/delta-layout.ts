import { SEPARATOR } from "./field-text";
import type { ListIndex } from "./list-index";
import type { ListIndexDelta } from "./load-changes";

/** A delta that does not fit the index it is applied to: the caller rebuilds in full. */
export class DeltaMismatch extends Error {}

/**
 * Where every row of the new index comes from. Unchanged rows keep their relative (ref) order;
 * each delta row goes right after the unchanged row that precedes it in ref order.
 * `source[k]` is the old row number of new row k, or -(j + 1) for the delta's row j;
 * `oldToNew[i]` is the new row number of old row i, or -1 when it changed or was deleted.
 */
export interface RowLayout {
  source: Int32Array;
  oldToNew: Int32Array;
  /** New row number of each delta row (ascending: delta rows are in ref order). */
  deltaToNew: Int32Array;
  /** Old rows that stay, ascending. */
  kept: Int32Array;
}

export function layoutRows(old: ListIndex, delta: ListIndexDelta): RowLayout {
  const changed = new Set(delta.changed);
  const rowOf = new Map<string, number>();
  const keptList: number[] = [];
  for (let i = 0; i < old.size; i++) {
    const id = old.ids[i];
    if (changed.has(id)) continue;
    rowOf.set(id, i);
    keptList.push(i);
  }
  const kept = Int32Array.from(keptList);
  // anchor[j]: the old row delta row j follows, -1 = before every unchanged row.
  const anchor = new Int32Array(delta.rows.length);
  delta.rows.forEach((row, j) => {
    if (!changed.has(row.id)) throw new DeltaMismatch(`row ${row.id} is not in the change list`);
    if (row.refPred === null) anchor[j] = -1;
    else if (changed.has(row.refPred)) {
      // A changed predecessor is the previous delta row (nothing lies between them).
      if (j === 0 || delta.rows[j - 1].id !== row.refPred) throw new DeltaMismatch("ref order");
      anchor[j] = anchor[j - 1];
    } else {
      const at = rowOf.get(row.refPred);
      if (at === undefined) throw new DeltaMismatch(`unknown predecessor ${row.refPred}`);
      anchor[j] = at;
    }
    if (j > 0 && anchor[j] < anchor[j - 1]) throw new DeltaMismatch("ref order");
  });
  const size = kept.length + delta.rows.length;
  const source = new Int32Array(size);
  const oldToNew = new Int32Array(old.size).fill(-1);
  const deltaToNew = new Int32Array(delta.rows.length);
  let k = 0;
  let j = 0;
  while (j < delta.rows.length && anchor[j] === -1) {
    deltaToNew[j] = k;
    source[k++] = -(j + 1);
    j++;
  }
  for (const i of kept) {
    oldToNew[i] = k;
    source[k++] = i;
    while (j < delta.rows.length && anchor[j] === i) {
      deltaToNew[j] = k;
      source[k++] = -(j + 1);
      j++;
    }
  }
  if (j !== delta.rows.length) throw new DeltaMismatch("unplaced rows");
  return { source, oldToNew, deltaToNew, kept };
}

/**
 * Name ranks for the new index, dense as the full load's `dense_rank() OVER (ORDER BY e.name)`.
 * Unchanged rows keep their relative order; a delta name equal to an unchanged one shares its
 * rank; another goes right after its database-given predecessor (an unchanged name, or the
 * previous delta name when the predecessor is itself new). Names are exact strings (the
 * metadata.name field text), and equal strings are equal names under a deterministic collation.
 */
export function placeNames(old: ListIndex, delta: ListIndexDelta, layout: RowLayout): Int32Array {
  const { text, start } = old.fieldText[0];
  let maxRank = 0;
  for (let i = 0; i < old.size; i++) if (old.nameRank[i] > maxRank) maxRank = old.nameRank[i];
  const used = new Uint8Array(maxRank + 1);
  const rankOfName = new Map<string, number>();
  for (const i of layout.kept) {
    used[old.nameRank[i]] = 1;
    // Row i's only value: its name, then the separator.
    rankOfName.set(text.slice(start[i], start[i + 1] - SEPARATOR.length), old.nameRank[i]);
  }
  // Delta names in database order (nameRank = dense rank among the delta's rows).
  const byPos = [...delta.rows].sort((a, b) => a.nameRank - b.nameRank);
  // For each distinct new name: the old rank it follows, in database order.
  const after = new Map<string, number>();
  const followers = new Map<number, string[]>();
  let previous: string | undefined;
  for (const row of byPos) {
    if (row.name === previous) continue;
    if (!rankOfName.has(row.name)) {
      const pred = row.namePred;
      let anchor: number;
      if (pred === null) anchor = 0;
      else if (rankOfName.has(pred)) anchor = rankOfName.get(pred) as number;
      else if (pred === previous && after.has(pred)) anchor = after.get(pred) as number;
      else throw new DeltaMismatch(`name predecessor ${pred}`);
      after.set(row.name, anchor);
      const list = followers.get(anchor) ?? [];
      list.push(row.name);
      followers.set(anchor, list);
    }
    previous = row.name;
  }
  const newRankOfOld = new Int32Array(maxRank + 1);
  const newRankOfName = new Map<string, number>();
  let rank = 0;
  for (let r = 0; r <= maxRank; r++) {
    if (r > 0 && used[r]) newRankOfOld[r] = ++rank;
    for (const name of followers.get(r) ?? []) newRankOfName.set(name, ++rank);
  }
  const out = new Int32Array(layout.source.length);
  layout.source.forEach((src, k) => {
    if (src >= 0) out[k] = newRankOfOld[old.nameRank[src]];
    else {
      const name = delta.rows[-src - 1].name;
      const kept = rankOfName.get(name);
      out[k] = kept === undefined ? (newRankOfName.get(name) as number) : newRankOfOld[kept];
    }
  });
  return out;
}
