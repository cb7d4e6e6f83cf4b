import type { SqlExecutor } from "../db/sql-client";
import { timedQuery } from "../db/timed-query";
import { compileFilter, queryRows } from "../list-index/evaluate-filter";
import { matchFields } from "../list-index/field-text";
import { currentListIndex } from "../list-index/index-cache";
import { matchWords, memoryTermWords } from "../list-index/text-match";
import type { Entity } from "../model/types";
import { type EntityFilter, filterToSql } from "./filter";
import { fullTextToSql } from "./full-text";
import { toResponseEntities } from "./load-entities";
import { type OrderField, orderToSql } from "./order";
import { SqlParams } from "./sql-params";

export interface QueryEntitiesInitial {
  filter?: EntityFilter;
  fields?: string[];
  limit?: number;
  offset?: number;
  orderFields?: OrderField[];
  fullTextFilter?: { term: string; fields?: string[] };
  totalItems?: "include" | "exclude";
}

export interface QueryEntitiesCursor {
  cursor: string;
  fields?: string[];
  limit?: number;
}

export interface QueryEntitiesResponse {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** What a cursor carries: the immutable query plus where the page starts. */
interface CursorState {
  filter: Array<Record<string, Array<string | null>>>;
  orderFields: OrderField[];
  fullTextFilter?: { term: string; fields?: string[] };
  totalItems: "include" | "exclude";
  offset: number;
}

const DEFAULT_LIMIT = 20;
const MAX_QUERY_LIMIT = 1000;

function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorState;
    if (!Array.isArray(state.filter) || typeof state.offset !== "number") throw new Error();
    return state;
  } catch {
    throw new Error("Invalid cursor");
  }
}

// The exists-symbol cannot go through JSON; null stands for it inside cursors.
const toWire = (f: EntityFilter) =>
  f.map((set) =>
    Object.fromEntries(
      Object.entries(set).map(([k, v]) => [k, v.map((x) => (typeof x === "string" ? x : null))]),
    ),
  );
const fromWire = (f: CursorState["filter"]): EntityFilter =>
  f.map((set) =>
    Object.fromEntries(
      Object.entries(set).map(([k, v]) => [
        k,
        v.map((x) => (x === null ? Symbol.for("CATALOG_FILTER_EXISTS") : x)),
      ]),
    ),
  ) as EntityFilter;

/** `GET /entities/by-query`: cursor-paged listing with full-text filter and total count. */
export async function queryEntities(
  db: SqlExecutor,
  request: QueryEntitiesInitial | QueryEntitiesCursor,
): Promise<QueryEntitiesResponse> {
  const limit = Math.max(0, Math.min(request.limit ?? DEFAULT_LIMIT, MAX_QUERY_LIMIT));
  const state: CursorState =
    "cursor" in request
      ? decodeCursor(request.cursor)
      : {
          filter: toWire(request.filter ?? []),
          orderFields: request.orderFields ?? [{ field: "metadata.name", order: "asc" }],
          fullTextFilter: request.fullTextFilter,
          totalItems: request.totalItems ?? "include",
          offset: request.offset ?? 0,
        };
  const page = (await pageFromIndex(db, state, limit)) ?? (await pageFromSql(db, state, limit));
  const items = await toResponseEntities(db, page.rows, request.fields);
  const pageInfo: QueryEntitiesResponse["pageInfo"] = {};
  if (page.more) pageInfo.nextCursor = encodeCursor({ ...state, offset: state.offset + limit });
  if (state.offset > 0)
    pageInfo.prevCursor = encodeCursor({ ...state, offset: Math.max(0, state.offset - limit) });
  return { items, totalItems: page.total, pageInfo };
}

interface Page {
  rows: Array<{ ref: string; entity: Entity }>;
  /** 0 unless the total was asked for. */
  total: number;
  more: boolean;
}

async function pageFromSql(db: SqlExecutor, state: CursorState, limit: number): Promise<Page> {
  const sql = new SqlParams();
  const where = `${filterToSql(fromWire(state.filter), sql)} AND ${fullTextToSql(state.fullTextFilter?.term, state.fullTextFilter?.fields, sql)}`;
  const whereValues = [...sql.values];
  const rowsPromise = timedQuery<Array<{ ref: string; entity: Entity }>>(
    db,
    `SELECT e.ref, e.entity FROM catalog_entities e WHERE ${where}
     ORDER BY ${orderToSql(state.orderFields)} LIMIT ${sql.add(limit + 1)} OFFSET ${sql.add(state.offset)}`,
    sql.values,
  );
  const countPromise =
    state.totalItems === "include"
      ? timedQuery<Array<{ n: number }>>(
          db,
          `SELECT count(*)::int AS n FROM catalog_entities e WHERE ${where}`,
          whereValues,
        )
      : Promise.resolve([{ n: 0 }]);
  const [rows, count] = await Promise.all([rowsPromise, countPromise]);
  return { rows: rows.slice(0, limit), total: count[0]?.n ?? 0, more: rows.length > limit };
}

/**
 * The same page from the in-process list index, when it is current and the query is one it
 * holds: column filters, name order, and a full-text term over the default fields or over
 * fields the index keeps text of (field-text.ts; the catalog table's field set).
 */
async function pageFromIndex(db: SqlExecutor, state: CursorState, limit: number): Promise<Page | undefined> {
  const [order, ...moreOrder] = state.orderFields;
  if (moreOrder.length > 0 || order?.field.toLowerCase() !== "metadata.name") return undefined;
  const term = state.fullTextFilter?.term?.trim() ?? "";
  const fields = term ? state.fullTextFilter?.fields : undefined;
  const words = term && !fields?.length ? memoryTermWords(term) : [];
  if (!words) return undefined;
  const index = await currentListIndex(db);
  if (!index) return undefined;
  const rows = compileFilter(index, fromWire(state.filter));
  if (!rows) return undefined;
  const text = fields?.length
    ? matchFields(index, fields, term)
    : words.length
      ? matchWords(index, words)
      : rows;
  if (!text) return undefined;
  if (text !== rows) for (let row = 0; row < rows.length; row++) rows[row] &= text[row];
  const answer = queryRows(index, {
    rows,
    descending: order.order === "desc",
    offset: state.offset,
    limit,
    countAll: state.totalItems === "include",
  });
  const ids = answer.rows.map((row) => index.ids[row]);
  const found = ids.length
    ? await db.$queryRawUnsafe<Array<{ id: string; ref: string; entity: Entity }>>(
        "SELECT e.id::text AS id, e.ref, e.entity FROM catalog_entities e WHERE e.id = ANY($1::uuid[])",
        ids,
      )
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  return {
    rows: ids.flatMap((id) => byId.get(id) ?? []),
    total: state.totalItems === "include" ? answer.total : 0,
    more: answer.more,
  };
}
