import path from "node:path";
import type { CatalogDb } from "../db/sql-client";
import { createFileReader } from "./file-reader";
import { addLocation, type RefreshResult, type StoredLocation } from "./locations";

/**
 * Seeds the catalog from `<dir>/catalog-info.yaml` (a Location that references the rest).
 * File reads are confined to `dir`, so a seed cannot pull in arbitrary files.
 */
export async function ingestFromDirectory(
  db: CatalogDb,
  dir: string,
  options: { fileName?: string; maxBytes?: number } = {},
): Promise<{ location: StoredLocation; result: RefreshResult }> {
  const root = path.resolve(dir);
  const reader = createFileReader({ allowedRoots: [root], maxBytes: options.maxBytes });
  return addLocation(
    db,
    { type: "file", target: path.join(root, options.fileName ?? "catalog-info.yaml") },
    { reader },
  );
}
