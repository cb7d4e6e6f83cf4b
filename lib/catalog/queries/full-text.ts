import { lookupTable } from "../model/safe-keys";
import { splitEntityPath } from "./entity-paths";
import { inverseRelationLower } from "./relations-sql";
import type { SqlParams } from "./sql-params";

/** Words of the term as prefix tsquery parts: `pay api` -> `pay:* & api:*`. */
export function toPrefixTsQuery(term: string): string | undefined {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : undefined;
}

/** Fields with a lower-cased column of their own: matched without reading the entity JSON. */
export const COLUMN_FIELDS = lookupTable({
  kind: "e.kind",
  "metadata.name": "e.name",
  "metadata.namespace": "e.namespace",
  "metadata.title": "lower(e.title)",
  "metadata.uid": "e.id::text",
  "spec.type": "e.type",
  "spec.lifecycle": "e.lifecycle",
});

/** `lax $."spec"."profile"."displayName"[*]`: lax mode steps through arrays on the way, `[*]` unwraps the last one. */
export function jsonPathOf(field: string): string {
  const keys = splitEntityPath(field).map((k) => `"${k.replace(/["\\]/g, (c) => `\\${c}`)}"`);
  return `lax $.${keys.join(".")}[*]`;
}

/** `FROM` items yielding the scalar leaves at a jsonpath (a parameter or literal) as `v`. */
export function jsonLeavesSql(path: string): string {
  return `jsonb_path_query(e.entity, ${path}::jsonpath) v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')`;
}

/** One field's substring match; `like` is the parameter holding `%term%`. */
function fieldMatch(field: string, like: string, params: SqlParams): string {
  const lower = field.toLowerCase();
  const column = COLUMN_FIELDS.get(lower);
  if (column) return `${column} LIKE ${like}`;
  if (lower === "metadata.tags") return `EXISTS (SELECT 1 FROM unnest(e.tags) t WHERE t LIKE ${like})`;
  if (lower.startsWith("relations.")) {
    // Backstage indexes `relations.<type>` = target ref. Relations are stored one way only
    // (see relations-sql), so the inverse edge is matched from the other end.
    const type = lower.slice("relations.".length);
    const inverse = inverseRelationLower(type);
    const forward = `EXISTS (SELECT 1 FROM catalog_relations r WHERE r.source_ref = e.ref AND lower(r.type) = ${params.add(type)} AND r.target_ref LIKE ${like})`;
    if (!inverse) return forward;
    return `(${forward} OR EXISTS (SELECT 1 FROM catalog_relations r WHERE r.target_ref = e.ref AND lower(r.type) = ${params.add(inverse)} AND r.source_ref LIKE ${like}))`;
  }
  // Like Backstage's search rows: every scalar leaf at the path, array elements one by one.
  return `EXISTS (SELECT 1 FROM ${jsonLeavesSql(params.add(jsonPathOf(field)))} AND lower(v #>> '{}') LIKE ${like})`;
}

/**
 * Without fields (the default, used by the catalog UI's search box) the term is matched
 * against the GIN-indexed tsvector (prefix per word over name, title, description, tags,
 * kind, type, lifecycle and owner). With `fullTextFilterFields`, like Backstage, the term is
 * a case-insensitive substring of one of the named fields only — never of the others the
 * tsvector happens to cover.
 */
export function fullTextToSql(
  term: string | undefined,
  fields: string[] | undefined,
  params: SqlParams,
): string {
  const trimmed = term?.trim();
  if (!trimmed) return "true";
  if (!fields || fields.length === 0) {
    const query = toPrefixTsQuery(trimmed);
    if (!query) return "true";
    return `e.search_vector @@ to_tsquery('simple', ${params.add(query)})`;
  }
  const like = params.add(`%${trimmed.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const unique = [...new Set(fields)];
  return `(${unique.map((f) => fieldMatch(f, like, params)).join(" OR ")})`;
}
