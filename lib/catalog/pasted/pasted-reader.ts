import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import type { CatalogReader } from "@/lib/catalog/ingest/reader";
import { getPastedDocument } from "./pasted-documents";

/**
 * Serves `file` targets that are stored pastes from the database and everything else from
 * `inner`. A paste's target is never read from disk, so no file-root check applies to it.
 */
export function pastedReader(db: SqlExecutor, inner: CatalogReader): CatalogReader {
  return {
    async read(spec) {
      if (spec.type === "file") {
        const text = await getPastedDocument(db, spec.target);
        if (text !== null) return text;
      }
      return inner.read(spec);
    },
  };
}
