import type pg from "pg";
import { getServerConfig } from "@/lib/config/server-config";
import { ApiError } from "@/lib/http";
import type { SqlExecutor } from "./sql-client";

type TransactionalExecutor = SqlExecutor & {
  $transaction?: <R>(
    fn: (tx: SqlExecutor) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ) => Promise<R>;
};

function configuredTimeoutMs(): number {
  try {
    return getServerConfig().catalog.queryTimeoutMs;
  } catch {
    return 15_000;
  }
}

/** Postgres 57014 (statement timeout / cancel) and Prisma P2028 (no transaction in time). */
function isTimeout(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  return (
    e?.code === "P2028" ||
    e?.meta?.code === "57014" ||
    (typeof e?.message === "string" &&
      /\b57014\b|canceling statement due to statement timeout/.test(e.message))
  );
}

/**
 * A catalog read whose cost the request shapes (JSON-path filters, facets, orders, full-text
 * fields over the whole table): it runs under `SET LOCAL statement_timeout`, so a hostile or
 * unlucky query ends as a 503 instead of holding a connection. Inside a transaction already
 * (no `$transaction`), or with the timeout disabled, it runs as is.
 */
export async function timedQuery<T>(
  db: SqlExecutor,
  sql: string,
  values: unknown[],
  timeoutMs = configuredTimeoutMs(),
): Promise<T> {
  const runner = db as TransactionalExecutor;
  if (!timeoutMs || typeof runner.$transaction !== "function") return db.$queryRawUnsafe<T>(sql, ...values);
  const ms = Math.floor(timeoutMs);
  try {
    return await runner.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${ms}`);
        return tx.$queryRawUnsafe<T>(sql, ...values);
      },
      { maxWait: ms, timeout: ms + 5_000 },
    );
  } catch (error) {
    throw asTimeoutError(error, ms);
  }
}

function asTimeoutError(error: unknown, ms: number): unknown {
  if (!isTimeout(error)) return error;
  return new ApiError(
    503,
    "query_timeout",
    `The catalog query took longer than ${ms} ms; narrow the filter or fields`,
    { timeoutMs: ms },
  );
}

/** timedQuery on a plain pg pool (lib/db/client.ts rawPoolOf): rows as pg returns them. */
export async function timedPoolQuery<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  values: unknown[],
  timeoutMs = configuredTimeoutMs(),
): Promise<T[]> {
  if (!timeoutMs) return (await pool.query<T>(sql, values)).rows;
  const ms = Math.floor(timeoutMs);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${ms}`);
    const { rows } = await client.query<T>(sql, values);
    await client.query("COMMIT");
    return rows;
  } catch (error) {
    broken = await client.query("ROLLBACK").then(
      () => false,
      () => true,
    );
    throw asTimeoutError(error, ms);
  } finally {
    // A connection that cannot even roll back is closed rather than reused.
    client.release(broken);
  }
}
