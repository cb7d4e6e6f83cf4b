import type pg from "pg";
import { rawPoolOf } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { SqlExecutor } from "../db/sql-client";
import { timedQuery } from "../db/timed-query";
import type { Entity } from "../model/types";
import { type ByteSource, copyEntityBodies } from "./copy-entity-bodies";
import { type EntityFilter, filterToSql } from "./filter";
import { toResponseEntities } from "./load-entities";
import { type OrderField, orderToSql } from "./order";
import { SqlParams } from "./sql-params";
import { entityJsonBatches } from "./stream-entity-json";

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

/** The slow path's batches as JSON bytes: entities as objects, `fields` applied in JS. */
function objectBatches(db: SqlExecutor, params: StreamEntitiesParams): ByteSource {
  const next = batches(db, params);
  return {
    async next() {
      const rows = await next();
      if (rows.length === 0) return null;
      const entities = await toResponseEntities(db, rows, params.fields);
      return Buffer.from(entities.map((e) => JSON.stringify(e)).join(","));
    },
    cancel() {},
  };
}

/**
 * Whole entities in ref order with no filter: one binary COPY of the stored bodies
 * (copy-entity-bodies.ts). Should the database refuse the COPY before any byte is out (a server
 * or proxy without COPY support), the same bytes come from ranges of rows instead.
 */
function copiedOrRanged(pool: pg.Pool, params: StreamEntitiesParams): ByteSource {
  let source: ByteSource | undefined;
  let cancelled = false;
  const ranged = (): ByteSource => ({ next: entityJsonBatches(pool, params), cancel() {} });
  return {
    async next() {
      if (source) return source.next();
      try {
        const copy = await copyEntityBodies(pool, params.offset ?? 0);
        const first = await copy.next();
        source = copy;
        if (cancelled) copy.cancel();
        return first;
      } catch (error) {
        logger.debug({ err: error }, "unpaged entity COPY refused; reading ranges of rows");
        source = ranged();
        return source.next();
      }
    },
    cancel() {
      cancelled = true;
      source?.cancel();
    },
  };
}

/** The fastest source that gives the same bytes for these parameters. */
function sourceFor(db: SqlExecutor, params: StreamEntitiesParams): ByteSource {
  const pool = rawPoolOf(db);
  if (!pool || params.fields?.length || params.order?.length) return objectBatches(db, params);
  if (params.filter?.length) return { next: entityJsonBatches(pool, params), cancel() {} };
  return copiedOrRanged(pool, params);
}

/**
 * `GET /entities` without a limit, as Backstage answers it: one JSON array of every matching
 * entity, written a chunk at a time as the client reads (pull-based, so a slow client holds
 * back the database reads instead of filling memory; the next chunk is read while the current
 * one is written). A failure mid-way aborts the response, so a client never mistakes a cut-off
 * array for the whole catalog. Whole entities (no `fields`, no `order`) are the stored bodies
 * as they are: one binary COPY without a filter, ranges of rows with one
 * (stream-entity-json.ts); otherwise entities are read as objects.
 */
export function streamEntities(db: SqlExecutor, params: StreamEntitiesParams): ReadableStream<Uint8Array> {
  const source = sourceFor(db, params);
  let pending: Promise<Uint8Array | null> | undefined;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        let batch: Uint8Array | null;
        try {
          batch = await (pending ?? source.next());
        } catch (error) {
          done = true;
          source.cancel();
          throw error;
        }
        if (!batch) {
          controller.enqueue(Buffer.from(first ? "[]" : "]"));
          done = true;
          controller.close();
          return;
        }
        // Read ahead: the database works on the next chunk while this one goes out. A
        // rejection is reported by the pull that awaits it; until then it is not unhandled.
        pending = source.next();
        pending.catch(() => undefined);
        controller.enqueue(Buffer.from(first ? "[" : ","));
        controller.enqueue(batch);
        first = false;
      },
      cancel() {
        done = true;
        source.cancel();
      },
    },
    { highWaterMark: 1 },
  );
}
