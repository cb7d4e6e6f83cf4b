import type { Db } from "@/lib/db/client";

export interface ClaimedTask {
  id: string;
  /** "processing" means the previous worker's lease ran out: this is a recovery. */
  previousStatus: string;
  previousWorker: string | null;
}

/**
 * Claims the oldest runnable task: open ones, or processing ones whose lease expired (their
 * worker died). SKIP LOCKED lets replicas claim concurrently without ever sharing a task.
 */
export async function claimTask(db: Db, workerId: string, leaseMs: number): Promise<ClaimedTask | null> {
  const rows = await db.$queryRawUnsafe<
    { id: string; previous_status: string; previous_worker: string | null }[]
  >(
    `WITH next AS (
       SELECT id, status AS previous_status, claimed_by AS previous_worker
         FROM scaffolder_tasks
        WHERE (status = 'open' AND NOT cancel_requested)
           OR (status = 'processing' AND lease_until < now())
        ORDER BY created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
     UPDATE scaffolder_tasks t
        SET status = 'processing', claimed_by = $1, attempts = t.attempts + 1,
            lease_until = now() + ($2::int * interval '1 millisecond'),
            heartbeat_at = now(), updated_at = now()
       FROM next
      WHERE t.id = next.id
  RETURNING t.id::text AS id, next.previous_status, next.previous_worker`,
    workerId,
    leaseMs,
  );
  const r = rows[0];
  return r ? { id: r.id, previousStatus: r.previous_status, previousWorker: r.previous_worker } : null;
}

/** Extends the lease; false means another worker took the task over (this one must stop). */
export async function heartbeat(
  db: Db,
  taskId: string,
  workerId: string,
  leaseMs: number,
): Promise<{ owned: boolean; cancel: boolean }> {
  const rows = await db.$queryRawUnsafe<{ cancel_requested: boolean }[]>(
    `UPDATE scaffolder_tasks
        SET lease_until = now() + ($3::int * interval '1 millisecond'), heartbeat_at = now()
      WHERE id = $1::uuid AND claimed_by = $2 AND status = 'processing'
  RETURNING cancel_requested`,
    taskId,
    workerId,
    leaseMs,
  );
  return rows[0] ? { owned: true, cancel: rows[0].cancel_requested } : { owned: false, cancel: false };
}
