import type pg from "pg";
import { timedPoolQuery } from "../db/timed-query";
import { type EntityFilter, filterToSql } from "./filter";
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

/**
 * One range's stored bodies (catalog_final_entities: compact JSON of the entity plus its
 * relations), joined by commas, in ref order. Without a filter the bodies are read by a range scan of their own
 * primary key; a filter is evaluated on the entity rows and joined to the bodies by ref.
 */
async function printRange(pool: pg.Pool, filter: EntityFilter, range: Range): Promise<Uint8Array | null> {
  const sql = new SqlParams();
  const bounds = [
    range.after === undefined ? "" : ` AND f.ref > ${sql.add(range.after)}`,
    range.upTo === undefined ? "" : ` AND f.ref <= ${sql.add(range.upTo)}`,
  ].join("");
  const columns = "f.body";
  const query = filter.length
    ? `SELECT ${columns} FROM catalog_entities e JOIN catalog_final_entities f ON f.ref = e.ref
       WHERE ${filterToSql(filter, sql)}${bounds} ORDER BY f.ref`
    : `SELECT ${columns} FROM catalog_final_entities f WHERE true${bounds} ORDER BY f.ref`;
  const rows = await timedPoolQuery<{ body: string }>(pool, query, sql.values);
  if (rows.length === 0) return null;
  // Each body encoded once, straight into one buffer of its exact UTF-8 size (measured here, not
  // taken from octet_length, which counts in the server's encoding): joining ~3 MB of strings
  // first and encoding the result cost more than the database's part (measured at 100k
  // entities). Bodies are stored compact, so the bytes go out as they are.
  let size = rows.length - 1;
  for (const row of rows) size += Buffer.byteLength(row.body, "utf8");
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const row of rows) {
    if (at > 0) out[at++] = 0x2c; // ","
    at += out.write(row.body, at, "utf8");
  }
  return out.subarray(0, at);
}

/**
 * The unpaged list's fast path (no `fields`, no `order`: every stored entity whole, in ref
 * order): each batch is the entities' stored bodies (entity plus relations, kept current at
 * write time) as bytes: the object path's entities, as JSON.stringify prints them (numbers
 * PostgreSQL prints as stored, like 1.0, aside), and no entity becomes a JS object. Returns the next non-empty batch's bytes (no
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
