import type { ListFacet } from "../db/list-cache";
import { lookupTable } from "../model/safe-keys";
import { COLUMN_FIELDS } from "../queries/full-text";
import { indexFacetOf } from "./evaluate-filter";
import type { RowSet } from "./facet-counts";
import type { ListIndex } from "./list-index";

/**
 * `fullTextFilterFields` the index answers from text it holds, beyond its facet columns: the
 * catalog table's field set. Each is stored as Postgres produced it for the SQL path
 * (full-text.ts fieldMatch): `e.name`, `lower(e.title)`, and the lower-cased scalar leaves at a
 * JSON path, so a substring match here equals the SQL `LIKE '%term%'`.
 */
export const TEXT_FIELDS = [
  "metadata.name",
  "metadata.title",
  "spec.profile.displayName",
  "spec.target",
  "spec.targets",
] as const;

const TEXT_FIELD_OF = lookupTable<number>(
  Object.fromEntries(TEXT_FIELDS.map((f, i) => [f, i])) as Record<string, number>,
);

/** Column fields match in any casing; JSON keys are case-sensitive in SQL's jsonpath, so here too. */
const textFieldOf = (field: string) => {
  const lower = field.toLowerCase();
  return TEXT_FIELD_OF.get(COLUMN_FIELDS.has(lower) ? lower : field);
};

/**
 * One field's text for every row: row i's values are text[start[i] .. start[i + 1]), each
 * followed by SEPARATOR. A term without SEPARATOR cannot match across two values, so one
 * `indexOf` pass over a few MB finds every row (no per-row strings, no per-request JSON).
 */
export interface FieldText {
  text: string;
  start: Int32Array;
}

export const SEPARATOR = "\n";

/** Per row, the values of one field (already lower-cased by the database). */
export function buildFieldText(values: Array<string[] | null>): FieldText {
  const start = new Int32Array(values.length + 1);
  const parts: string[] = [];
  let length = 0;
  values.forEach((list, i) => {
    start[i] = length;
    for (const value of list ?? []) {
      parts.push(value, SEPARATOR);
      length += value.length + 1;
    }
  });
  start[values.length] = length;
  return { text: parts.join(""), start };
}

/** Marks (|= 1) the rows whose field text contains `needle`. */
function markText(field: FieldText, needle: string, out: RowSet): void {
  const { text, start } = field;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return;
    // The row holding position `at`: the last row starting at or before it (an empty row
    // shares its start with the next one, which is the later, non-empty one).
    let lo = 0;
    let hi = start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (start[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    out[lo] = 1;
    from = start[lo + 1];
  }
}

/** Marks the rows whose dictionary-coded facet has a value containing `needle`. */
function markFacet(index: ListIndex, facet: ListFacet, needle: string, out: RowSet): void {
  const dictionary = index.dictionaries[facet];
  const mask = new Uint8Array(dictionary.length);
  let any = false;
  dictionary.forEach((value, code) => {
    if (value.includes(needle)) {
      mask[code] = 1;
      any = true;
    }
  });
  if (!any) return;
  if (facet === "tags") {
    const { tagStart, tagCodes } = index;
    for (let row = 0; row < index.size; row++)
      for (let p = tagStart[row]; p < tagStart[row + 1]; p++) if (mask[tagCodes[p]]) out[row] = 1;
    return;
  }
  const column = index.columns[facet as Exclude<ListFacet, "tags">];
  for (let row = 0; row < index.size; row++) if (column[row] >= 0 && mask[column[row]]) out[row] = 1;
}

/**
 * Rows where one of `fields` contains the term as a case-insensitive substring (Backstage's
 * fullTextFilterFields), or undefined when a field is not held here (JSON paths, relations):
 * SQL answers those. The term is lower-cased as the SQL path lower-cases it.
 */
export function matchFields(index: ListIndex, fields: string[], term: string): RowSet | undefined {
  const needle = term.trim().toLowerCase();
  if (!needle || needle.includes(SEPARATOR)) return undefined;
  const plan = fields.map((f) => ({ text: textFieldOf(f), facet: indexFacetOf(f) }));
  if (plan.some((p) => p.text === undefined && p.facet === undefined)) return undefined;
  const out = new Uint8Array(index.size);
  for (const p of plan) {
    if (p.text !== undefined) markText(index.fieldText[p.text], needle, out);
    else markFacet(index, p.facet as ListFacet, needle, out);
  }
  return out;
}
