import type { LocationSpec } from "@/lib/catalog/ingest/types";
import { pastedReader } from "@/lib/catalog/pasted/pasted-reader";
import type { CatalogDeps } from "@/lib/catalog/service/catalog-deps";
import { readerForLocation } from "@/lib/catalog/service/catalog-readers";

/**
 * Reads a template's source file the way a refresh of its location would (same roots, allowlist and
 * pasted-YAML store), for what the stored jsonb entity loses: key order and line numbers.
 */
export function templateSourceReader(deps: CatalogDeps) {
  return (spec: LocationSpec) => pastedReader(deps.db, readerForLocation(deps.readers, spec));
}
