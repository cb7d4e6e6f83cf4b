import type { SqlExecutor } from "../db/sql-client";
import { applyDelta } from "./apply-delta";
import { applyTouches } from "./apply-touches";
import type { ListIndex } from "./list-index";
import { loadChanges, type NoDelta } from "./load-changes";

/**
 * Past this share of changed entities a full load is about as cheap as a delta (the delta
 * reads each changed row plus two index probes, and renumbers every structure anyway).
 */
export const MAX_DELTA_SHARE = 0.2;
const MIN_DELTA_ROWS = 100;

/** Values in the database's collation order: what `SELECT DISTINCT … ORDER BY` gives a text column. */
async function sortInDatabase(db: SqlExecutor, values: string[]): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ v: string[] | null }>>(
    "SELECT array_agg(v ORDER BY v) AS v FROM unnest($1::text[]) v",
    values,
  );
  return rows[0]?.v ?? [];
}

/**
 * The index of the current revision built from `old` and the entities changed since, or the
 * reason it cannot be (the change log was pruned past `old`, or too much changed): then the
 * caller loads in full. Returns `old` itself when nothing changed.
 */
export async function updateListIndex(db: SqlExecutor, old: ListIndex): Promise<ListIndex | NoDelta> {
  const max = Math.max(MIN_DELTA_ROWS, Math.floor(old.size * MAX_DELTA_SHARE));
  const delta = await loadChanges(db, old.revision, max);
  if (typeof delta === "string") return delta;
  if (delta.revision === old.revision) return old;
  // Only touches (or nothing the index holds): no renumbering, the update times are patched.
  if (delta.changed.length === 0) return applyTouches(old, delta.revision, delta.touched);
  const next = await applyDelta(old, delta, (values) => sortInDatabase(db, values));
  return delta.touched.length ? applyTouches(next, delta.revision, delta.touched) : next;
}
