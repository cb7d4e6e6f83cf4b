import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import type { CatalogReader } from "@/lib/catalog/ingest/reader";
import { getPastedDocument } from "./pasted-documents";

/**
 * Serves `file` targets that are stored pastes from the database and everything else from
 * `inner`. A paste's target is never read from disk, so no file-root check applies to it.
 */
export function pastedReader(db: SqlExecutor, inner: CatalogReader): CatalogReader {
  return {
    // The tree caps travel with the reader (lib/catalog/ingest/tree-budget); dropping them here
    // let a paste read its placeholders without any byte or count limit.
    limits: inner.limits,
    async read(spec) {
      if (spec.type === "file") {
        const text = await getPastedDocument(db, spec.target);
        if (text !== null) return text;
      }
      return inner.read(spec);
    },
  };
}
