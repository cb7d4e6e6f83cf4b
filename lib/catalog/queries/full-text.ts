import { pgPathLiteral, splitEntityPath } from "./entity-paths";
import type { SqlParams } from "./sql-params";

/** Fields covered by the generated search_vector column. */
const VECTOR_FIELDS = new Set([
  "metadata.name",
  "metadata.title",
  "metadata.description",
  "metadata.tags",
  "kind",
  "spec.type",
  "spec.lifecycle",
  "spec.owner",
]);

/** Words of the term as prefix tsquery parts: `pay api` -> `pay:* & api:*`. */
export function toPrefixTsQuery(term: string): string | undefined {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : undefined;
}

/**
 * Uses the GIN-indexed tsvector (prefix match per word) when the requested fields are ones it
 * covers; otherwise falls back to Backstage's substring match on the named fields.
 */
export function fullTextToSql(
  term: string | undefined,
  fields: string[] | undefined,
  params: SqlParams,
): string {
  const trimmed = term?.trim();
  if (!trimmed) return "true";
  const useVector = !fields || fields.length === 0 || fields.every((f) => VECTOR_FIELDS.has(f.toLowerCase()));
  if (useVector) {
    const query = toPrefixTsQuery(trimmed);
    if (!query) return "true";
    return `e.search_vector @@ to_tsquery('simple', ${params.add(query)})`;
  }
  const like = params.add(`%${trimmed.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return `(${fields!.map((f) => `lower(e.entity #>> ${pgPathLiteral(splitEntityPath(f))}) LIKE ${like}`).join(" OR ")})`;
}
