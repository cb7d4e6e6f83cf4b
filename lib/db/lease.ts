import type { SqlExecutor } from "@/lib/catalog/db/sql-client";

/**
 * A named lease in `app_leases`, held by at most one replica at a time.
 *
 * Why a lease row and not a session-level `pg_advisory_lock`: a session lock belongs to one
 * connection, and Prisma's pool hands a different connection to each query, so the lock
 * could be taken on one connection and "released" on another (a no-op), or silently
 * vanish when the pool recycles the idle connection that held it. Pinning a connection
 * would mean a transaction held open for the replica's lifetime (Prisma caps transaction
 * time, and a pooler such as PgBouncer in transaction mode breaks session locks anyway).
 * A row with an expiry needs no pinned connection, works the same on PostgreSQL and the
 * embedded PGlite, survives any pooler, shows who holds it (`SELECT * FROM app_leases`),
 * and bounds failover: a dead holder stops renewing, and after `ttlMs` anyone may take it.
 * Expiry is judged by the database clock alone, so replicas' clocks need not agree.
 */
export interface Lease {
  /** Takes the lease if it is free or expired, or renews it if we hold it; true when held. */
  acquire(): Promise<boolean>;
  /** Gives the lease up if we hold it, so another replica need not wait for the expiry. */
  release(): Promise<void>;
  readonly holder: string;
}

export function createLease(db: SqlExecutor, name: string, holder: string, ttlMs: number): Lease {
  return {
    holder,
    async acquire() {
      const rows = await db.$queryRawUnsafe<Array<{ holder: string }>>(
        `INSERT INTO app_leases AS l (name, holder, acquired_at, expires_at)
         VALUES ($1, $2, now(), now() + $3 * interval '1 millisecond')
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at,
           acquired_at = CASE WHEN l.holder = excluded.holder THEN l.acquired_at ELSE now() END
         WHERE l.holder = excluded.holder OR l.expires_at < now()
         RETURNING l.holder`,
        name,
        holder,
        ttlMs,
      );
      return rows[0]?.holder === holder;
    },
    async release() {
      await db.$executeRawUnsafe(`DELETE FROM app_leases WHERE name = $1 AND holder = $2`, name, holder);
    },
  };
}
