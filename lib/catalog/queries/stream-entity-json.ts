import type pg from "pg";
import { compactJsonText } from "@/lib/http/compact-json";
import { timedPoolQuery } from "../db/timed-query";
import { type EntityFilter, filterToSql } from "./filter";
import { entityWithRelationsText, RELATIONS_JSON_AGG } from "./get-entity";
import { relationsOfSql } from "./relations-sql";
import { SqlParams } from "./sql-params";

/** Entities per query: ~3 MB of JSON, so memory stays a few batches whatever the catalog's size. */
const BATCH = 2000;
/** Batches the database prints at once (each on its own connection) while earlier ones go out. */
const AHEAD = 2;

interface Range {
  /** Exclusive lower bound (undefined: from the first ref). */
  after?: string;
  /** Inclusive upper bound (undefined: to the last ref). */
  upTo?: string;
}

/**
 * Ref ranges of BATCH matching entities each, after `offset` of them: one index-ordered pass
 * over refs (tens of bytes per entity), so the batches are independent and several can be
 * printed at once. Entities written meanwhile land in whichever range holds their ref.
 */
async function ranges(pool: pg.Pool, filter: EntityFilter, offset: number): Promise<Range[]> {
  const sql = new SqlParams();
  const where = filterToSql(filter, sql);
  const skip = sql.add(offset);
  const rows = await timedPoolQuery<{ ref: string }>(
    pool,
    `SELECT ref FROM (SELECT e.ref, row_number() OVER (ORDER BY e.ref) AS i FROM catalog_entities e WHERE ${where}) s
     WHERE i = ${skip} OR (i > ${skip} AND (i - ${skip}) % ${sql.add(BATCH)} = 0) ORDER BY ref`,
    sql.values,
  );
  const bounds = rows.map((r) => r.ref);
  // With an offset, the first row is the last skipped entity: the first range starts after it.
  const first = offset > 0 ? bounds.shift() : undefined;
  if (offset > 0 && first === undefined) return [];
  const out: Range[] = [];
  let after = first;
  for (const upTo of bounds) {
    out.push({ after, upTo });
    after = upTo;
  }
  out.push({ after });
  return out;
}

/** One range's entities, relations spliced in, joined by commas, as the database prints them (rows in ref order). */
async function printRange(pool: pg.Pool, filter: EntityFilter, range: Range): Promise<Uint8Array | null> {
  const sql = new SqlParams();
  const where = filterToSql(filter, sql);
  const after = range.after === undefined ? "" : ` AND e.ref > ${sql.add(range.after)}`;
  const upTo = range.upTo === undefined ? "" : ` AND e.ref <= ${sql.add(range.upTo)}`;
  const rows = await timedPoolQuery<{ entity: string; relations: string | null }>(
    pool,
    `WITH page AS MATERIALIZED (SELECT e.ref, e.entity FROM catalog_entities e WHERE ${where}${after}${upTo}),
     rels AS (SELECT r.source_ref, ${RELATIONS_JSON_AGG} AS list
       FROM (${relationsOfSql("ARRAY(SELECT ref FROM page)")}) r GROUP BY r.source_ref)
     SELECT p.entity::text AS entity, rels.list::text AS relations
     FROM page p LEFT JOIN rels ON rels.source_ref = p.ref ORDER BY p.ref`,
    sql.values,
  );
  if (rows.length === 0) return null;
  return compactJsonText(rows.map((r) => entityWithRelationsText(r.entity, r.relations)).join(","));
}

/**
 * The unpaged list's fast path (no `fields`, no `order`: every stored entity whole, in ref
 * order): the database prints each batch's entities and relation lists as JSON text, spliced
 * and joined here as strings; compacted, that is what JSON.stringify of the object path's
 * entities prints, and no entity becomes a JS object. Returns the next non-empty batch's bytes (no
 * leading comma), or null when done.
 */
export function entityJsonBatches(
  pool: pg.Pool,
  params: { filter?: EntityFilter; offset?: number },
): () => Promise<Uint8Array | null> {
  const filter = params.filter ?? [];
  let planned: Promise<Range[]> | undefined;
  const inFlight: Array<Promise<Uint8Array | null>> = [];
  let at = 0;
  return async () => {
    planned ??= ranges(pool, filter, params.offset ?? 0);
    const all = await planned;
    for (;;) {
      while (inFlight.length < AHEAD && at < all.length) {
        const printing = printRange(pool, filter, all[at++]);
        // Awaited in order below; until then a rejection is not unhandled.
        printing.catch(() => undefined);
        inFlight.push(printing);
      }
      const next = inFlight.shift();
      if (!next) return null;
      const bytes = await next;
      // A range emptied by deletes since it was planned is skipped.
      if (bytes) return bytes;
    }
  };
}
