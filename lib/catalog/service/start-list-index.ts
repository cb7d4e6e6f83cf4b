import { enableListIndex, keepListIndexFresh, warmListIndex } from "@/lib/catalog/list-index/index-cache";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";

/**
 * Turns on the in-process list index for the app's database client and builds it in the
 * background (instrumentation.ts calls this at boot). Until it is built, and during a full
 * rebuild, lists are answered from SQL; after a small change it is updated by a delta, started
 * by the first read, by the writer of a refresh in this process, or by the poll below.
 */
export function startCatalogListIndex(): void {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const config = getServerConfig();
  if (!config.catalog.listIndex || !config.database.url) return;
  const db = getDb();
  enableListIndex(db);
  void warmListIndex(db);
  // Only a shared server has other writers to notice. The embedded database belongs to this
  // process, and it holds a writing transaction's connection exclusively, so a poll during a
  // long import would only queue connection attempts behind it.
  if (!config.database.embedded) keepListIndexFresh(db);
}
