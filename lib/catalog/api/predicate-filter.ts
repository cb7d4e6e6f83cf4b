import { type EntityFilter, FILTER_EXISTS } from "@/lib/catalog/queries/filter";
import { badRequest } from "@/lib/http";
import { setOwn } from "../model/safe-keys";

/**
 * Translates Backstage's predicate queries (`{ $all: [...] }`, `{ $any: [...] }`,
 * `{ key: value }`, `{ key: { $in: [...] } }`, `{ key: { $exists: true } }`) — the forms
 * @backstage/catalog-client builds from filters — into the OR-of-AND-sets filter the
 * queries take. Anything the filter cannot express exactly is a 400, never a guess.
 */

type Set = EntityFilter[number];
type Value = string | typeof FILTER_EXISTS;

const MAX_SETS = 100;

function unsupported(field: string, message: string): never {
  throw badRequest(`Unsupported ${field}: ${message}`, { fields: [{ field, message }] });
}

function scalar(v: unknown, field: string): string {
  if (typeof v === "string" && v.includes("\u0000"))
    unsupported(field, "values must not contain NUL characters");
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return unsupported(field, "values must be strings, numbers or booleans");
}

function sameValues(a: Value[], b: Value[]): boolean {
  const norm = (l: Value[]) =>
    l
      .map((v) => (typeof v === "string" ? v.toLowerCase() : "\u0000exists"))
      .sort()
      .join("\u0001");
  return norm(a) === norm(b);
}

function andSets(a: Set, b: Set, field: string): Set {
  // Keys are user text (`__proto__` included): assignment must create own properties only.
  const out: Set = Object.assign(Object.create(null), a);
  for (const [key, values] of Object.entries(b)) {
    const existing = Object.keys(out).find((k) => k.toLowerCase() === key.toLowerCase());
    if (!existing) setOwn(out, key, values);
    else if (sameValues(out[existing], values) || values.every((v) => v === FILTER_EXISTS)) continue;
    else if (out[existing].every((v) => v === FILTER_EXISTS)) out[existing] = values;
    else unsupported(field, `two different conditions on "${key}" inside $all`);
  }
  return { ...out };
}

function and(a: EntityFilter, b: EntityFilter, field: string): EntityFilter {
  const out: EntityFilter = [];
  for (const x of a) for (const y of b) out.push(andSets(x, y, field));
  if (out.length > MAX_SETS) unsupported(field, `expands to more than ${MAX_SETS} alternatives`);
  return out;
}

function fieldCondition(key: string, value: unknown, field: string): EntityFilter {
  if (key.length > 200 || /[\p{Cc}\s]/u.test(key))
    unsupported(field, `"${key.slice(0, 50)}" must be a dot path without spaces or control characters`);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const ops = Object.entries(value as Record<string, unknown>);
    if (ops.length !== 1) unsupported(field, `"${key}" must have exactly one operator`);
    const [op, arg] = ops[0];
    if (op === "$exists") {
      if (arg !== true) unsupported(field, "only $exists: true is supported");
      return [{ [key]: [FILTER_EXISTS] }];
    }
    if (op === "$in") {
      if (!Array.isArray(arg) || arg.length === 0) unsupported(field, "$in needs a non-empty array");
      return [{ [key]: arg.map((v) => scalar(v, field)) }];
    }
    return unsupported(field, `operator ${op} is not supported`);
  }
  return [{ [key]: [scalar(value, field)] }];
}

function convert(node: unknown, field: string, depth: number): EntityFilter {
  if (depth > 10) unsupported(field, "nested too deeply");
  if (node === null || typeof node !== "object" || Array.isArray(node))
    unsupported(field, "must be an object");
  let result: EntityFilter = [{}];
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    let part: EntityFilter;
    if (key === "$all" || key === "$any") {
      if (!Array.isArray(value)) unsupported(field, `${key} needs an array`);
      const parts = value.map((p) => convert(p, field, depth + 1));
      part =
        key === "$any" ? parts.flat() : parts.reduce((acc, p) => and(acc, p, field), [{}] as EntityFilter);
      if (key === "$any" && part.length > MAX_SETS) unsupported(field, `more than ${MAX_SETS} alternatives`);
      if (key === "$any" && parts.length === 0) part = [];
    } else if (key.startsWith("$")) {
      return unsupported(field, `operator ${key} is not supported`);
    } else {
      part = fieldCondition(key, value, field);
    }
    result = and(result, part, field);
  }
  return result;
}

/**
 * The filter value an empty `$any` uses to match nothing: the nil UUID, which no entity has
 * (uids are random v4 UUIDs). A NUL sentinel would be refused by Postgres text.
 */
export const NO_ENTITY_UID = "00000000-0000-0000-0000-000000000000";

/** `[]` (match everything) for an empty predicate; an empty `$any` matches nothing. */
export function predicateToFilter(predicate: Record<string, unknown>, field = "query"): EntityFilter {
  const filter = convert(predicate, field, 0);
  if (filter.length === 0) return [{ "metadata.uid": [NO_ENTITY_UID] }];
  return filter.some((s) => Object.keys(s).length === 0) ? [] : filter;
}
