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

/** Picks the requested dot paths out of an entity (Backstage's `fields` parameter). */
export function applyFields<T extends object>(entity: T, fields: string[] | undefined): Partial<T> {
  if (!fields || fields.length === 0) return entity;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const keys = splitEntityPath(field);
    let src: unknown = entity;
    for (const k of keys) {
      src = src && typeof src === "object" ? (src as Record<string, unknown>)[k] : undefined;
    }
    if (src === undefined) continue;
    let dst = out;
    keys.slice(0, -1).forEach((k) => {
      if (typeof dst[k] !== "object" || dst[k] === null) dst[k] = {};
      dst = dst[k] as Record<string, unknown>;
    });
    dst[keys[keys.length - 1]] = src;
  }
  return out as Partial<T>;
}
