import { ownValue, setOwn } from "../model/safe-keys";

/**
 * Splits a dot path into JSON keys. Annotation and label keys contain dots themselves
 * (`backstage.io/orphan`), so everything after `metadata.annotations.` is one key.
 */
export function splitEntityPath(path: string): string[] {
  const m = /^(metadata\.(?:annotations|labels))\.(.+)$/i.exec(path);
  if (m) return [...m[1].split("."), m[2]];
  return path.split(".");
}

/** Postgres text-array literal for `#>` / `#>>`, quoting each key. */
export function pgPathLiteral(keys: string[]): string {
  return `'{${keys.map((k) => `"${k.replace(/["\\]/g, (c) => `\\${c}`).replace(/'/g, "''")}"`).join(",")}}'`;
}

/**
 * Picks the requested dot paths out of an entity (Backstage's `fields` parameter). Stored JSON can
 * carry `__proto__` or `constructor` keys, so the walk reads own properties only and writes own
 * data properties: a path is data, never a way into Object.prototype.
 */
export function applyFields<T extends object>(entity: T, fields: string[] | undefined): Partial<T> {
  if (!fields || fields.length === 0) return entity;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const keys = splitEntityPath(field);
    let src: unknown = entity;
    for (const k of keys) src = ownValue(src, k);
    if (src === undefined) continue;
    let dst = out;
    for (const k of keys.slice(0, -1)) {
      let next = ownValue(dst, k);
      if (typeof next !== "object" || next === null) {
        next = {};
        setOwn(dst, k, next);
      }
      dst = next as Record<string, unknown>;
    }
    setOwn(dst, keys[keys.length - 1], src);
  }
  return out as Partial<T>;
}
