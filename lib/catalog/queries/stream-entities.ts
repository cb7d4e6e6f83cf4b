import type { SqlExecutor } from "../db/sql-client";
import { timedQuery } from "../db/timed-query";
import type { Entity } from "../model/types";
import { type EntityFilter, filterToSql } from "./filter";
import { toResponseEntities } from "./load-entities";
import { type OrderField, orderToSql } from "./order";
import { SqlParams } from "./sql-params";

export interface StreamEntitiesParams {
  filter?: EntityFilter;
  fields?: string[];
  order?: OrderField[];
  /** Rows to skip first (`offset` plus an `after` cursor). */
  offset?: number;
}

/** Entities per database round trip (two: rows, relations): a few MB each, so memory stays flat. */
const BATCH = 2000;

/** How many entities an unpaged `GET /entities` would send (after the offset). */
export async function countUnpaged(db: SqlExecutor, params: StreamEntitiesParams): Promise<number> {
  const sql = new SqlParams();
  const where = filterToSql(params.filter ?? [], sql);
  const rows = await timedQuery<Array<{ n: number }>>(
    db,
    `SELECT count(*)::int AS n FROM catalog_entities e WHERE ${where}`,
    sql.values,
  );
  return Math.max(0, (rows[0]?.n ?? 0) - (params.offset ?? 0));
}

type Batch = Array<{ ref: string; entity: Entity }>;

/**
 * The next batch after `last`. Without an order the batches walk the primary order (ref) by
 * keyset, so memory stays one batch whatever the catalog's size. With an order, the refs in
 * that order are read once (tens of bytes per entity) and the entities fetched a batch at a time.
 */
function batches(db: SqlExecutor, params: StreamEntitiesParams): () => Promise<Batch> {
  let last: string | undefined;
  let skip = params.offset ?? 0;
  if (!params.order?.length) {
    return async () => {
      const sql = new SqlParams();
      const where = filterToSql(params.filter ?? [], sql);
      const after = last === undefined ? "" : ` AND e.ref > ${sql.add(last)}`;
      const rows = await timedQuery<Batch>(
        db,
        `SELECT e.ref, e.entity FROM catalog_entities e WHERE ${where}${after}
         ORDER BY e.ref ASC LIMIT ${sql.add(BATCH)} OFFSET ${sql.add(skip)}`,
        sql.values,
      );
      skip = 0;
      last = rows.at(-1)?.ref;
      return rows;
    };
  }
  let refs: string[] | undefined;
  let at = 0;
  return async () => {
    if (!refs) {
      const sql = new SqlParams();
      const where = filterToSql(params.filter ?? [], sql);
      const found = await timedQuery<Array<{ ref: string }>>(
        db,
        `SELECT e.ref FROM catalog_entities e WHERE ${where}
         ORDER BY ${orderToSql(params.order ?? [])} OFFSET ${sql.add(skip)}`,
        sql.values,
      );
      refs = found.map((r) => r.ref);
    }
    const wanted = refs.slice(at, at + BATCH);
    at += wanted.length;
    if (wanted.length === 0) return [];
    const rows = await timedQuery<Batch>(
      db,
      "SELECT e.ref, e.entity FROM catalog_entities e WHERE e.ref = ANY($1::text[])",
      [wanted],
    );
    const byRef = new Map(rows.map((r) => [r.ref, r]));
    // An entity deleted since the refs were read is left out, as a later page would leave it.
    return wanted.flatMap((ref) => byRef.get(ref) ?? []);
  };
}

/**
 * `GET /entities` without a limit, as Backstage answers it: one JSON array of every matching
 * entity, written a batch at a time as the client reads (pull-based, so a slow client holds
 * back the database reads instead of filling memory). A failure mid-way aborts the response,
 * so a client never mistakes a cut-off array for the whole catalog.
 */
export function streamEntities(db: SqlExecutor, params: StreamEntitiesParams): ReadableStream<Uint8Array> {
  const next = batches(db, params);
  const encoder = new TextEncoder();
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        const rows = await next();
        if (rows.length === 0) {
          controller.enqueue(encoder.encode(first ? "[]" : "]"));
          done = true;
          controller.close();
          return;
        }
        const entities = await toResponseEntities(db, rows, params.fields);
        let text = entities.map((e) => JSON.stringify(e)).join(",");
        text = (first ? "[" : ",") + text;
        first = false;
        controller.enqueue(encoder.encode(text));
      },
    },
    { highWaterMark: 1 },
  );
}
