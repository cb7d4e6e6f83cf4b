import type { SqlExecutor } from "../db/sql-client";
import type { Touch } from "./apply-touches";
import type { ListIndexSourceRow } from "./list-index";
import { ROW_COLUMNS_SQL, ROW_TUPLE_SQL, type SourceTuple, sourceRowOf } from "./load-list-index";

/** A changed entity's row, with what places it in the index without reading the others. */
export interface DeltaRow extends ListIndexSourceRow {
  /** `nameRank` here is the dense rank of the name among the delta's rows only. */
  name: string;
  /** The greatest name in the whole catalog below this one (database collation), null if none. */
  namePred: string | null;
  /** Id of the entity right before this one in ref order, null if it is the first. */
  refPred: string | null;
  /** Id of an unchanged entity with this name, null if none has it. */
  nameTwin: string | null;
  /** Id of an unchanged entity named `namePred`, null if none has it. */
  predTwin: string | null;
}

export interface ListIndexDelta {
  /** The revision the catalog had in the snapshot the rows were read from. */
  revision: string;
  /** Every id changed since the base revision; those without a row were deleted. */
  changed: string[];
  /** Rows of the changed ids that exist, in ref order. */
  rows: DeltaRow[];
  /** Entities whose rows changed only outside the index's columns: their new update time. */
  touched: Touch[];
}

/** Why no delta: the log does not reach back to the base, or the delta is too large to pay. */
export type NoDelta = "log-pruned" | "too-large";

/**
 * The entities changed since `baseRevision`, read in ONE statement so the revision, the change
 * log and the rows come from one snapshot (a transaction's entity writes, log rows and revision
 * bump commit together): the result is exactly the catalog at `revision` for those ids. The
 * neighbours (previous name, previous ref) are read from the whole table through its `name` and
 * `ref` btree indexes, so their collation order is the database's, as in the full load.
 * Returns a NoDelta reason instead of rows when the log was pruned past the base or more than
 * `maxChanged` entities changed in what the index holds; entities only touched (list_change
 * false: another column and the update time changed) are not counted and come back as
 * (id, update time) pairs, however many there are.
 */
export async function loadChanges(
  db: SqlExecutor,
  baseRevision: string,
  maxChanged: number,
): Promise<ListIndexDelta | NoDelta> {
  const result = await db.$queryRawUnsafe<
    Array<{
      revision: string;
      pruned: boolean;
      changed: number;
      ids: string | null;
      rows: string | null;
      touched: string | null;
    }>
  >(
    `WITH s AS (SELECT revision, changes_from > $1::bigint AS pruned FROM catalog_state WHERE id = 1),
     c AS MATERIALIZED (SELECT DISTINCT entity_id AS id FROM catalog_changes WHERE revision > $1::bigint AND list_change),
     t AS MATERIALIZED (
       SELECT DISTINCT entity_id AS id FROM catalog_changes WHERE revision > $1::bigint AND NOT list_change
       EXCEPT SELECT id FROM c
     ),
     n AS (SELECT count(*)::int AS n FROM c),
     x AS (
       SELECT e.ref, e.name, ${ROW_COLUMNS_SQL},
         dense_rank() OVER (ORDER BY e.name) AS name_rank,
         (SELECT max(p.name) FROM catalog_entities p WHERE p.name < e.name) AS name_pred,
         (SELECT p.id FROM catalog_entities p WHERE p.ref < e.ref ORDER BY p.ref DESC LIMIT 1) AS ref_pred
       FROM catalog_entities e
       WHERE e.id IN (SELECT id FROM c)
         AND NOT (SELECT pruned FROM s) AND (SELECT n FROM n) <= $2::int
     ),
     y AS (
       SELECT x.*,
         (SELECT p.id FROM catalog_entities p WHERE p.name = x.name AND p.id NOT IN (SELECT id FROM c) LIMIT 1) AS name_twin,
         (SELECT p.id FROM catalog_entities p WHERE p.name = x.name_pred AND p.id NOT IN (SELECT id FROM c) LIMIT 1) AS pred_twin
       FROM x
     )
     SELECT s.revision::text AS revision, s.pruned, n.n AS changed,
       CASE WHEN NOT s.pruned AND n.n <= $2::int THEN (SELECT json_agg(c.id)::text FROM c) END AS ids,
       (SELECT json_agg(json_build_array(json_build_array(${ROW_TUPLE_SQL}), x.name, x.name_pred, x.ref_pred,
          x.name_twin, x.pred_twin) ORDER BY x.ref)::text FROM y x) AS rows,
       CASE WHEN NOT s.pruned AND n.n <= $2::int THEN
         (SELECT json_agg(json_build_array(e.id, (extract(epoch FROM e.updated_at) * 1000)::float8))::text
          FROM catalog_entities e WHERE e.id IN (SELECT id FROM t)) END AS touched
     FROM s, n`,
    baseRevision,
    maxChanged,
  );
  const head = result[0];
  if (!head || head.pruned) return "log-pruned";
  if (head.changed > maxChanged) return "too-large";
  type Tuple = [SourceTuple, string, string | null, string | null, string | null, string | null];
  const tuples = JSON.parse(head.rows ?? "[]") as Tuple[];
  return {
    revision: head.revision,
    changed: JSON.parse(head.ids ?? "[]") as string[],
    touched: JSON.parse(head.touched ?? "[]") as Touch[],
    rows: tuples.map(([tuple, name, namePred, refPred, nameTwin, predTwin]) => ({
      ...sourceRowOf(tuple),
      name,
      namePred,
      refPred,
      nameTwin,
      predTwin,
    })),
  };
}
