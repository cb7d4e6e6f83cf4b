import { RELATION_PAIRS } from "../model/relations";

/**
 * Relations are stored once, in the direction the spec states (`A ownedBy B`, origin A); the
 * inverse (`B ownerOf A`) is derived when read. That halves the rows written per refresh.
 * Rows stored by older versions in both directions still read correctly: UNION/DISTINCT
 * collapse the duplicates.
 */
const INVERSE_CASE = `CASE type ${RELATION_PAIRS.flatMap(([a, b]) => [
  `WHEN '${a}' THEN '${b}'`,
  `WHEN '${b}' THEN '${a}'`,
]).join(" ")} END`;

const INVERSE_LOWER = new Map<string, string>(
  RELATION_PAIRS.flatMap(([a, b]) => [
    [a.toLowerCase(), b.toLowerCase()] as const,
    [b.toLowerCase(), a.toLowerCase()] as const,
  ]),
);

/** Lower-cased inverse of a lower-cased relation type; undefined for unknown types. */
export function inverseRelationLower(type: string): string | undefined {
  return INVERSE_LOWER.get(type);
}

/**
 * `(source_ref, type, target_ref)` rows, both directions, for the sources in `refsSql` (a
 * SQL expression of type text[]). Each half uses its own index (source_ref / target_ref).
 */
export function relationsOfSql(refsSql: string): string {
  return `SELECT source_ref, type, target_ref FROM catalog_relations WHERE source_ref = ANY(${refsSql})
    UNION
    SELECT target_ref, ${INVERSE_CASE}, source_ref FROM catalog_relations
    WHERE target_ref = ANY(${refsSql}) AND ${INVERSE_CASE} IS NOT NULL`;
}
