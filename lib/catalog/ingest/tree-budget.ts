import { IngestError } from "./ingest-error";
import type { CatalogReader } from "./reader";

/**
 * Caps on the work one location tree can cause (PORTICO_CATALOG_MAX_*). Placeholders make a
 * tree's size independent of its files' size — a small paste can reference a 1 MiB file
 * thousands of times — so every resolved placeholder counts its bytes, cached or not.
 */
export interface TreeLimits {
  maxEntities: number;
  maxPlaceholders: number;
  maxBytes: number;
}

export const DEFAULT_TREE_LIMITS: TreeLimits = {
  maxEntities: 200_000,
  maxPlaceholders: 10_000,
  maxBytes: 256 * 1024 * 1024,
};

/** Thrown when a tree exceeds a limit: the whole read is abandoned, nothing of it is written. */
export class TreeLimitError extends IngestError {
  constructor(message: string) {
    super("LIMIT_EXCEEDED", message);
  }
}

export class TreeBudget {
  private entities = 0;
  private placeholders = 0;
  private bytes = 0;

  constructor(readonly limits: TreeLimits) {}

  addEntity(): void {
    if (++this.entities > this.limits.maxEntities)
      throw new TreeLimitError(
        `The location has more than ${this.limits.maxEntities} entities (PORTICO_CATALOG_MAX_ENTITIES_PER_LOCATION)`,
      );
  }

  addPlaceholder(): void {
    if (++this.placeholders > this.limits.maxPlaceholders)
      throw new TreeLimitError(
        `The location uses more than ${this.limits.maxPlaceholders} $text/$json/$yaml placeholders (PORTICO_CATALOG_MAX_PLACEHOLDERS)`,
      );
  }

  addBytes(text: string): void {
    this.bytes += Buffer.byteLength(text, "utf8");
    if (this.bytes > this.limits.maxBytes)
      throw new TreeLimitError(
        `The location reads more than ${this.limits.maxBytes} bytes including placeholder contents (PORTICO_CATALOG_MAX_LOCATION_BYTES)`,
      );
  }
}

/**
 * Reads each target once per tree (identical placeholder targets share one read) and charges
 * every use against the budget.
 */
export function budgetedReader(inner: CatalogReader, budget: TreeBudget): CatalogReader {
  const cache = new Map<string, Promise<string>>();
  return {
    limits: inner.limits,
    async read(spec) {
      const key = `${spec.type}:${spec.target}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = inner.read(spec);
        cache.set(key, hit);
      }
      const text = await hit;
      budget.addBytes(text);
      return text;
    },
  };
}
