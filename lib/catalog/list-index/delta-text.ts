import type { RowLayout } from "./delta-layout";
import { buildFieldText, type FieldText } from "./field-text";
import type { ListIndex } from "./list-index";
import type { ListIndexDelta } from "./load-changes";
import { lowerBound } from "./text-match";

/**
 * The posting lists of the new index: each old lexeme's rows renumbered (dropping changed
 * rows; renumbering keeps them ascending), merged with the delta rows' lexemes. A lexeme no row
 * holds any more is dropped, a new one is inserted in code-unit order, as buildListIndex sorts.
 */
export function mergePostings(old: ListIndex, delta: ListIndexDelta, layout: RowLayout) {
  const { oldToNew, deltaToNew } = layout;
  // New rows per lexeme from the delta, ascending (delta rows are visited in new-row order).
  const added = new Map<string, number[]>();
  delta.rows.forEach((row, j) => {
    for (const lexeme of row.lexemes) {
      const list = added.get(lexeme);
      if (list) list.push(deltaToNew[j]);
      else added.set(lexeme, [deltaToNew[j]]);
    }
  });
  const fresh = [...added.keys()]
    .filter((l) => {
      const at = lowerBound(old.lexemes, l);
      return at >= old.lexemes.length || old.lexemes[at] !== l;
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lexemes: string[] = [];
  const starts = new Int32Array(old.lexemes.length + fresh.length + 1);
  let room = old.postRows.length;
  for (const list of added.values()) room += list.length;
  const rows = new Int32Array(room);
  let end = 0;
  const none: number[] = [];
  const emit = (lexeme: string, oldAt: number) => {
    const extra = added.get(lexeme) ?? none;
    const before = end;
    let e = 0;
    if (oldAt >= 0) {
      for (let p = old.postStart[oldAt]; p < old.postStart[oldAt + 1]; p++) {
        const row = oldToNew[old.postRows[p]];
        if (row < 0) continue;
        while (e < extra.length && extra[e] < row) rows[end++] = extra[e++];
        rows[end++] = row;
      }
    }
    while (e < extra.length) rows[end++] = extra[e++];
    if (end > before) {
      lexemes.push(lexeme);
      starts[lexemes.length] = end;
    }
  };
  let f = 0;
  for (let t = 0; t < old.lexemes.length; t++) {
    while (f < fresh.length && fresh[f] < old.lexemes[t]) emit(fresh[f++], -1);
    emit(old.lexemes[t], t);
  }
  while (f < fresh.length) emit(fresh[f++], -1);
  return { lexemes, postStart: starts.slice(0, lexemes.length + 1), postRows: rows.slice(0, end) };
}

/**
 * One field's text for the new index: runs of consecutive unchanged rows are copied as one
 * slice of the old text (their starts shifted), delta rows are appended value by value.
 */
export function mergeFieldText(
  old: FieldText,
  delta: ListIndexDelta,
  field: number,
  layout: RowLayout,
): FieldText {
  const { source } = layout;
  const start = new Int32Array(source.length + 1);
  const parts: string[] = [];
  let length = 0;
  let k = 0;
  while (k < source.length) {
    const src = source[k];
    if (src < 0) {
      const one = buildFieldText([delta.rows[-src - 1].texts[field] ?? null]);
      start[k++] = length;
      parts.push(one.text);
      length += one.text.length;
      continue;
    }
    // A run of old rows src, src + 1, … placed consecutively.
    let end = k;
    while (end + 1 < source.length && source[end + 1] === source[end] + 1) end++;
    const from = old.start[src];
    for (let r = k; r <= end; r++) start[r] = length + old.start[source[r]] - from;
    const to = old.start[source[end] + 1];
    parts.push(old.text.slice(from, to));
    length += to - from;
    k = end + 1;
  }
  start[source.length] = length;
  return { text: parts.join(""), start };
}
