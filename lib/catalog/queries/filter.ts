import { tryCanonicalRef } from "../model/entity-ref";
import { lookupTable } from "../model/safe-keys";
import { pgPathLiteral, splitEntityPath } from "./entity-paths";
import { inverseRelationLower } from "./relations-sql";
import type { SqlParams } from "./sql-params";

/** Stands for "the key exists", like CATALOG_FILTER_EXISTS in @backstage/catalog-client. */
export const FILTER_EXISTS = Symbol.for("CATALOG_FILTER_EXISTS");

/** OR of sets; within a set, AND of keys; within a key, OR of values. Keys/values compare case-insensitively. */
export type EntityFilter = Array<Record<string, Array<string | typeof FILTER_EXISTS>>>;

/** Parses repeated `filter=` query params: `kind=component,spec.type=service`. */
export function parseFilterParams(params: string[] | string | undefined): EntityFilter {
  const list = params === undefined ? [] : Array.isArray(params) ? params : [params];
  const filter: EntityFilter = [];
  for (const param of list) {
    // Null prototype: a key is user text (`__proto__`, `constructor`) and must stay plain data.
    const set: EntityFilter[number] = Object.create(null);
    for (const part of param.split(",")) {
      const trimmed = part.trim();
      if (!trimmed) continue;
      const eq = trimmed.indexOf("=");
      const key = (eq === -1 ? trimmed : trimmed.slice(0, eq)).trim();
      if (!key) throw new Error(`Invalid filter "${param}": empty key`);
      const value = eq === -1 ? FILTER_EXISTS : trimmed.slice(eq + 1).trim();
      const lowerKey = key.toLowerCase();
      const existing = Object.keys(set).find((k) => k.toLowerCase() === lowerKey) ?? key;
      set[existing] = [...(set[existing] ?? []), value];
    }
    if (Object.keys(set).length > 0) filter.push({ ...set });
  }
  return filter;
}

/** Accepts the object form used by CatalogClient (`{ kind: ['API','Component'] }` or an array of those). */
export function normalizeFilterQuery(
  query: Record<string, unknown> | Array<Record<string, unknown>> | undefined,
): EntityFilter {
  if (!query) return [];
  const sets = Array.isArray(query) ? query : [query];
  return sets.map((set) =>
    Object.fromEntries(
      Object.entries(set).map(([k, v]) => [
        k,
        (Array.isArray(v) ? v : [v]).map((x) => (typeof x === "symbol" ? FILTER_EXISTS : String(x))),
      ]),
    ),
  );
}

const COLUMN_KEYS = lookupTable({
  kind: "e.kind",
  "metadata.name": "e.name",
  "metadata.namespace": "e.namespace",
  "spec.type": "e.type",
  "spec.lifecycle": "e.lifecycle",
});

function keyCondition(key: string, values: Array<string | typeof FILTER_EXISTS>, params: SqlParams): string {
  const lowerKey = key.toLowerCase();
  const exists = values.includes(FILTER_EXISTS);
  const wanted = values.filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase());
  const parts: string[] = [];

  if (lowerKey.startsWith("relations.")) {
    // Stored one way only (see relations-sql): match the stated edge or the inverse one.
    const type = lowerKey.slice("relations.".length);
    const inverse = inverseRelationLower(type);
    const t = params.add(type);
    const inv = inverse ? params.add(inverse) : undefined;
    const targets = wanted.length ? `${params.add(wanted)}::text[]` : undefined;
    const forward = (extra: string) =>
      `EXISTS (SELECT 1 FROM catalog_relations r WHERE r.source_ref = e.ref AND lower(r.type) = ${t}${extra})`;
    const backward = (extra: string) =>
      inv
        ? ` OR EXISTS (SELECT 1 FROM catalog_relations r WHERE r.target_ref = e.ref AND lower(r.type) = ${inv}${extra})`
        : "";
    if (exists) parts.push(`${forward("")}${backward("")}`);
    if (targets)
      parts.push(
        `${forward(` AND r.target_ref = ANY(${targets})`)}${backward(` AND r.source_ref = ANY(${targets})`)}`,
      );
    return `(${parts.join(" OR ")})`;
  }
  const column = COLUMN_KEYS.get(lowerKey);
  if (column) {
    if (exists) parts.push(`${column} IS NOT NULL`);
    if (wanted.length) parts.push(`${column} = ANY(${params.add(wanted)}::text[])`);
    return `(${parts.join(" OR ")})`;
  }
  if (lowerKey === "metadata.uid") {
    if (exists) parts.push("true");
    if (wanted.length) parts.push(`e.id::text = ANY(${params.add(wanted)}::text[])`);
    return `(${parts.join(" OR ")})`;
  }
  if (lowerKey === "metadata.tags") {
    if (exists) parts.push("cardinality(e.tags) > 0");
    if (wanted.length) parts.push(`e.tags && ${params.add(wanted)}::text[]`);
    return `(${parts.join(" OR ")})`;
  }
  const path = pgPathLiteral(splitEntityPath(key));
  if (exists) parts.push(`e.entity #> ${path} IS NOT NULL`);
  if (wanted.length) {
    const p = params.add(wanted);
    // Array values (e.g. spec.providesApis) match when any element matches, as in Backstage.
    parts.push(
      `(lower(e.entity #>> ${path}) = ANY(${p}::text[]) OR (jsonb_typeof(e.entity #> ${path}) = 'array' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.entity #> ${path}) v WHERE lower(v) = ANY(${p}::text[]))))`,
    );
    if (lowerKey === "spec.owner") {
      // Also accept full refs (group:default/team-a) for the owner column.
      const refs = wanted.map((w) => tryCanonicalRef(w, { defaultKind: "Group" })).filter(Boolean);
      parts.push(`e.owner = ANY(${params.add(refs)}::text[])`);
    }
  }
  return `(${parts.join(" OR ")})`;
}

/** SQL boolean expression over alias `e` (catalog_entities); `true` when the filter is empty. */
export function filterToSql(filter: EntityFilter, params: SqlParams): string {
  if (filter.length === 0) return "true";
  const sets = filter.map((set) => {
    const keys = Object.entries(set);
    if (keys.length === 0) return "true";
    return `(${keys.map(([k, v]) => keyCondition(k, v, params)).join(" AND ")})`;
  });
  return `(${sets.join(" OR ")})`;
}
