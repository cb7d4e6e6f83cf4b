import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

// Many pooled connections share one PGlite session; without the protocol cycle
// lock their Parse/Bind messages interleave and statements get the wrong
// parameters. This mix of plain statements and transactions reproduced it.
describe("embedded Postgres under concurrent connections", () => {
  let db: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await startEmbeddedPostgres({});
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
    await pool.query("create table t (id int, v text)");
  });

  afterAll(async () => {
    await pool?.end();
    await db?.stop();
  });

  it("keeps each connection's extended-protocol cycle intact", async () => {
    const errors: string[] = [];
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 300; i++) {
      if (i % 5 === 0) {
        jobs.push(
          (async () => {
            const c = await pool.connect();
            try {
              await c.query("BEGIN");
              await c.query("insert into t values ($1, $2)", [i, "tx"]);
              await c.query("select count(*) from t where v = $1", ["tx"]);
              await c.query("COMMIT");
            } catch (error) {
              errors.push((error as Error).message);
              await c.query("ROLLBACK").catch(() => {});
            } finally {
              c.release();
            }
          })(),
        );
        continue;
      }
      const q =
        i % 3 === 0
          ? pool.query("insert into t values ($1, $2)", [i, `x${i}`])
          : i % 3 === 1
            ? pool.query("select count(*)::int as n from t where id > $1", [i])
            : pool.query("select $1::text || v as w from t where id = $2", ["p", i - 2]);
      jobs.push(q.catch((error: Error) => errors.push(error.message)));
    }
    await Promise.all(jobs);
    expect(errors).toEqual([]);
    const { rows } = await pool.query(
      "select count(*)::int as n, count(*) filter (where v = 'tx')::int as tx from t",
    );
    expect(rows[0]).toEqual({ n: 140, tx: 60 });
  });
});
