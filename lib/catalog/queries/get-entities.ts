import type { SqlExecutor } from "../db/sql-client";
import { timedQuery } from "../db/timed-query";
import type { Entity } from "../model/types";
import { type EntityFilter, filterToSql } from "./filter";
import { toResponseEntities } from "./load-entities";
import { type OrderField, orderToSql } from "./order";
import { SqlParams } from "./sql-params";

export interface GetEntitiesParams {
  filter?: EntityFilter;
  fields?: string[];
  order?: OrderField[];
  limit?: number;
  offset?: number;
  /** Opaque cursor from a previous response's `nextCursor` (offset-based). */
  after?: string;
}

export const MAX_LIMIT = 10_000;

export function decodeAfter(after: string | undefined): number {
  if (!after) return 0;
  const n = Number(Buffer.from(after, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) throw new Error("Invalid cursor");
  return n;
}

export function encodeAfter(offset: number): string {
  return Buffer.from(String(offset)).toString("base64url");
}

/** `GET /entities`: Backstage list with filter/fields/order/limit/offset/after. */
export async function getEntities(
  db: SqlExecutor,
  params: GetEntitiesParams = {},
): Promise<{ items: Entity[]; nextCursor?: string }> {
  const sql = new SqlParams();
  const where = filterToSql(params.filter ?? [], sql);
  const limit = Math.min(params.limit ?? MAX_LIMIT, MAX_LIMIT);
  const offset = (params.offset ?? 0) + decodeAfter(params.after);
  const rows = await timedQuery<Array<{ ref: string; entity: Entity }>>(
    db,
    `SELECT e.ref, e.entity FROM catalog_entities e WHERE ${where}
     ORDER BY ${orderToSql(params.order ?? [])} LIMIT ${sql.add(limit + 1)} OFFSET ${sql.add(offset)}`,
    sql.values,
  );
  const page = rows.slice(0, limit);
  const items = await toResponseEntities(db, page, params.fields);
  return rows.length > limit ? { items, nextCursor: encodeAfter(offset + limit) } : { items };
}
