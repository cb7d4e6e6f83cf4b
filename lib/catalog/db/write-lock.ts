import type { SqlExecutor } from "./sql-client";

/**
 * Key of the transaction-level advisory lock that serialises catalog writes across every
 * process on the database (an arbitrary constant). Other features must
 * pick their own key.
 */
export const CATALOG_WRITE_LOCK_KEY = 0x63617461; // "cata"

/**
 * Takes the catalog write lock for the rest of the transaction `tx`. The per-process write
 * queue (service/write-queue.ts) only orders writes within one replica; with two replicas,
 * two refreshes read "what is stored" at the same time and then both write: relations the
 * other just inserted collide (unique violation, the refresh fails and its location is marked
 * failed), and facet caches count a stale view. Holding this lock from the first statement
 * makes each write transaction see every earlier one committed.
 *
 * `pg_advisory_xact_lock` (not the session form): it is released by COMMIT/ROLLBACK on the
 * transaction's own connection, so Prisma's pool cannot leak it, and PGlite supports it too.
 * Only writes take it; readers never wait. Lock waits count against the transaction timeout.
 */
export async function lockCatalogWrites(tx: SqlExecutor): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${CATALOG_WRITE_LOCK_KEY})::text`);
}
