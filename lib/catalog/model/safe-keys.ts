/**
 * Keys that reach Object.prototype when a path walker assigns or reads through them. js-yaml and
 * JSON.parse keep `__proto__` as an own property, so user data can carry these keys anywhere.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** The value of an own property only (never one inherited from Object.prototype). */
export function ownValue(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** Sets an own data property, even for `__proto__` (plain assignment would replace the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A constant lookup table that answers only its own keys (`table.get("constructor")` is undefined). */
export function lookupTable<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

const MAX_SCAN_DEPTH = 64;

/**
 * Dot paths (`spec.__proto__`, `metadata.links.0.constructor`) of every reserved key in a parsed
 * document. Deeper nesting than any entity needs is reported once rather than walked.
 */
export function findReservedKeys(value: unknown, base = ""): string[] {
  const found: string[] = [];
  const stack: Array<{ node: unknown; path: string; depth: number }> = [
    { node: value, path: base, depth: 0 },
  ];
  while (stack.length > 0 && found.length < 20) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: string; depth: number };
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_SCAN_DEPTH) {
      found.push(path);
      continue;
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = path ? `${path}.${key}` : key;
      if (!Array.isArray(node) && isReservedKey(key)) found.push(child);
      else stack.push({ node: (node as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return found;
}
