import { rowOfId } from "./id-lookup";
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
  const gone = new Uint8Array(old.size);
  for (const id of delta.changed) {
    const row = rowOfId(old, id);
    if (row >= 0) gone[row] = 1;
  }
  let keptCount = 0;
  for (let i = 0; i < old.size; i++) keptCount += 1 - gone[i];
  const kept = new Int32Array(keptCount);
  for (let i = 0, k = 0; i < old.size; i++) if (!gone[i]) kept[k++] = i;
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
      const at = rowOfId(old, row.refPred);
      if (at < 0) throw new DeltaMismatch(`unknown predecessor ${row.refPred}`);
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

/** The old name rank of an unchanged entity the database named (a "twin"). */
function twinRank(old: ListIndex, id: string | null): number | undefined {
  if (id === null) return undefined;
  const row = rowOfId(old, id);
  if (row < 0) throw new DeltaMismatch(`unknown twin ${id}`);
  return old.nameRank[row];
}

/**
 * Name ranks for the new index, dense as the full load's `dense_rank() OVER (ORDER BY e.name)`.
 * Unchanged rows keep their relative order; a delta name that an unchanged row also has (the
 * database names one: its twin) shares its rank; another goes right after its database-given
 * predecessor: an unchanged name, or the previous delta name when that name is held by changed
 * rows only. No name is compared in JS, so any collation works.
 */
export function placeNames(old: ListIndex, delta: ListIndexDelta, layout: RowLayout): Int32Array {
  let maxRank = 0;
  for (let i = 0; i < old.size; i++) if (old.nameRank[i] > maxRank) maxRank = old.nameRank[i];
  const used = new Uint8Array(maxRank + 1);
  for (const i of layout.kept) used[old.nameRank[i]] = 1;
  // Delta names in database order (nameRank = dense rank among the delta's rows).
  const byPos = [...delta.rows].sort((a, b) => a.nameRank - b.nameRank);
  const keptRank = new Map<string, number>();
  // For each distinct name no unchanged row has: the old rank it follows.
  const after = new Map<string, number>();
  const followers = new Map<number, string[]>();
  let previous: string | undefined;
  for (const row of byPos) {
    if (row.name === previous) continue;
    const twin = twinRank(old, row.nameTwin);
    if (twin !== undefined) keptRank.set(row.name, twin);
    else {
      let anchor: number;
      const predTwin = twinRank(old, row.predTwin);
      if (row.namePred === null) anchor = 0;
      else if (predTwin !== undefined) anchor = predTwin;
      else if (row.namePred === previous && after.has(previous)) anchor = after.get(previous) as number;
      else throw new DeltaMismatch(`name predecessor ${row.namePred}`);
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
    const names = followers.get(r);
    if (names) for (const name of names) newRankOfName.set(name, ++rank);
  }
  const out = new Int32Array(layout.source.length);
  const { source } = layout;
  for (let k = 0; k < source.length; k++) {
    const src = source[k];
    if (src >= 0) out[k] = newRankOfOld[old.nameRank[src]];
    else {
      const name = delta.rows[-src - 1].name;
      const kept = keptRank.get(name);
      out[k] = kept === undefined ? (newRankOfName.get(name) as number) : newRankOfOld[kept];
    }
  }
  return out;
}
