import type { SqlExecutor } from "./sql-client";

/** Below this many written rows, autovacuum's own schedule is good enough. */
export const MAINTENANCE_MIN_CHANGES = 500;

/**
 * After a large refresh: refresh planner statistics (a freshly bulk-loaded table otherwise
 * gets bad plans) and set the visibility map so list counts stay index-only scans. Must run
 * outside a transaction (VACUUM cannot run inside one). Best effort: a failure only costs speed.
 */
export async function maintainAfterBulkWrite(db: SqlExecutor, changedRows: number): Promise<boolean> {
  if (changedRows < MAINTENANCE_MIN_CHANGES) return false;
  // One pool connection each: on a real server they run side by side. The stored bodies are
  // rewritten with their entities (and their relations' other ends), so they bloat alike.
  const results = await Promise.allSettled([
    db.$executeRawUnsafe("VACUUM (ANALYZE) catalog_entities"),
    db.$executeRawUnsafe("ANALYZE catalog_relations"),
    db.$executeRawUnsafe("VACUUM (ANALYZE) catalog_final_entities"),
  ]);
  return results.every((r) => r.status === "fulfilled");
}
