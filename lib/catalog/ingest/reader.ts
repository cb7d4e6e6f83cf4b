import type { TreeLimits } from "./tree-budget";
import type { LocationSpec } from "./types";

/** Reads the text of a catalog location; implementations enforce their own size/host limits. */
export interface CatalogReader {
  read(spec: LocationSpec): Promise<string>;
  /** Caps for a location tree read through this reader (configured ones; defaults otherwise). */
  limits?: TreeLimits;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Routes `file` and `url` locations to their readers; a missing reader means that type is disabled. */
export function createCompositeReader(readers: {
  file?: CatalogReader;
  url?: CatalogReader;
  git?: CatalogReader;
}): CatalogReader {
  return {
    read(spec) {
      const reader = readers[spec.type];
      if (!reader) return Promise.reject(new Error(`Reading ${spec.type} locations is not enabled`));
      return reader.read(spec);
    },
  };
}
