import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timedQuery } from "@/lib/catalog/db/timed-query";
import { getDb } from "@/lib/db/client";
import { ApiError } from "@/lib/http";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("catalog-query-timeout");
});

afterAll(async () => {
  await app?.stop();
});

describe("catalog read statement timeout", () => {
  it("cancels a query past the timeout with a 503 ApiError, and the connection stays usable", async (ctx) => {
    // PGlite (single-threaded WASM) never fires statement_timeout: the embedded default is unprotected.
    if (app.testDb.kind === "pglite") ctx.skip();
    const started = Date.now();
    const error = await timedQuery(getDb(), "SELECT pg_sleep(5)::text", [], 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).code).toBe("query_timeout");
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("leaves no timeout on the pooled connection and answers normal reads", async () => {
    expect(await timedQuery<Array<{ n: number }>>(getDb(), "SELECT $1::int AS n", [7], 200)).toEqual([
      { n: 7 },
    ]);
    const rows =
      await getDb().$queryRawUnsafe<Array<{ statement_timeout: string }>>("SHOW statement_timeout");
    expect(rows[0].statement_timeout).toBe("0");
  });
});
