import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEntities } from "@/app/api/catalog/entities/route";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { copyEntityBodies } from "@/lib/catalog/queries/copy-entity-bodies";
import { getEntities } from "@/lib/catalog/queries/get-entities";
import { streamEntities } from "@/lib/catalog/queries/stream-entities";
import { getDb, rawPoolOf } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * `GET /entities` without `limit` returns the whole result like Backstage: more than the
 * 10,000 a page may hold, streamed, and past PORTICO_CATALOG_MAX_UNPAGED a 400 naming
 * `limit`, never a truncated 200.
 */

const N = 10_050;
let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("catalog-unpaged");
  // Rows straight into the table: the ingest path is not under test, and 10k of them through
  // it would take a minute on the embedded database.
  await getDb().$executeRawUnsafe(
    `INSERT INTO catalog_entities (id, ref, kind, namespace, name, entity, etag, hash, type)
     SELECT gen_random_uuid(), 'component:default/c-' || lpad(i::text, 5, '0'), 'component', 'default',
       'c-' || lpad(i::text, 5, '0'),
       jsonb_build_object('apiVersion', 'backstage.io/v1alpha1', 'kind', 'Component',
         'metadata', jsonb_build_object('name', 'c-' || lpad(i::text, 5, '0'), 'namespace', 'default'),
         'spec', jsonb_build_object('type', CASE WHEN i % 2 = 0 THEN 'service' ELSE 'website' END)),
       'e', 'h', CASE WHEN i % 2 = 0 THEN 'service' ELSE 'website' END
     FROM generate_series(1, ${N}) i`,
  );
}, 300_000);

afterAll(async () => {
  await app?.stop();
});

const get = (p: string) => listEntities(new Request(`http://localhost/api/catalog${p}`));

describe("unpaged GET /api/catalog/entities", () => {
  it("streams every entity, past the 10,000 a page holds, in the paged order", async () => {
    const res = await get("/entities?fields=metadata.name");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("link")).toBeNull();
    const names = ((await res.json()) as Array<{ metadata: { name: string } }>).map((e) => e.metadata.name);
    expect(names).toHaveLength(N);
    expect(new Set(names).size).toBe(N);
    const firstPage = await getEntities(getDb(), { fields: ["metadata.name"], limit: 10_000 });
    expect(names.slice(0, 10_000)).toEqual(firstPage.items.map((e) => e.metadata.name));
  }, 60_000);

  it("applies filter, order, fields and offset, with relations when no fields are asked", async () => {
    const res = await get("/entities?filter=spec.type=website&order=desc:metadata.name&offset=3");
    const items = (await res.json()) as Array<{ metadata: { name: string }; relations?: unknown[] }>;
    expect(items).toHaveLength(Math.ceil(N / 2) - 3);
    const names = items.map((e) => e.metadata.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(names[0]).toBe("c-10043");
    expect(items[0].relations).toEqual([]);
    const none = await get("/entities?filter=kind=nothing");
    expect(await none.json()).toEqual([]);
  }, 60_000);

  it("answers 400 naming limit past PORTICO_CATALOG_MAX_UNPAGED, and streams below it", async () => {
    app.setEnv({ PORTICO_CATALOG_MAX_UNPAGED: "10000" });
    try {
      const res = await get("/entities");
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.name).toBe("InputError");
      expect(body.error.details.fields[0].field).toBe("limit");
      expect(body.error.message).toMatch(/10050 entities.*PORTICO_CATALOG_MAX_UNPAGED.*page with limit/);
      // The same request paged, or a smaller result, is fine.
      expect((await get("/entities?limit=5")).status).toBe(200);
      const small = await get("/entities?filter=spec.type=service&fields=kind");
      expect(small.status).toBe(200);
      expect(await small.json()).toHaveLength(N / 2 - 0.5 * (N % 2));
    } finally {
      app.setEnv({ PORTICO_CATALOG_MAX_UNPAGED: undefined });
    }
  }, 60_000);

  it("aborts the body when a later batch fails, so no client takes a cut-off array for the whole", async () => {
    let queries = 0;
    const db = getDb();
    const failing: SqlExecutor = {
      $queryRawUnsafe: (q, ...v) => {
        if (++queries > 1) return Promise.reject(new Error("connection lost"));
        return db.$queryRawUnsafe(q, ...v);
      },
      $executeRawUnsafe: (q, ...v) => db.$executeRawUnsafe(q, ...v),
    };
    const body = new Response(streamEntities(failing, { fields: ["metadata.name"] }));
    await expect(body.text()).rejects.toThrow("connection lost");
  });

  it("reads whole entities with one binary COPY, and a reader leaving mid-copy costs only its connection", async () => {
    const pool = rawPoolOf(getDb());
    expect(pool).toBeDefined();
    // Directly, so a database that refused COPY (and so fell back to ranges of rows) fails here.
    const copy = await copyEntityBodies(pool as NonNullable<typeof pool>, 0);
    const first = await copy.next();
    expect(first?.length).toBeGreaterThan(100_000);
    expect(JSON.parse(`[${Buffer.from(first as Uint8Array).toString("utf8")}]`)[0].metadata.name).toBe(
      "c-00001",
    );
    copy.cancel();
    const whole = await new Response(streamEntities(getDb(), {})).text();
    const reader = streamEntities(getDb(), {}).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    // The connections that were cut off mid-copy were not handed to the next request.
    expect(await new Response(streamEntities(getDb(), {})).text()).toBe(whole);
    expect(JSON.parse(whole)).toHaveLength(N);
  }, 60_000);

  it("prints the same bytes on the fast path (database-printed JSON) as on the object path", async () => {
    // Relations both ways, so the spliced-in lists are not all empty.
    await getDb().$executeRawUnsafe(
      `INSERT INTO catalog_relations (origin_ref, source_ref, type, target_ref)
       SELECT ref, ref, t, 'group:default/team-' || (i % 3)
       FROM (SELECT ref, row_number() OVER (ORDER BY ref) AS i FROM catalog_entities) e,
         unnest(ARRAY['ownedBy', 'dependsOn']) t
       WHERE i % 50 = 0`,
    );
    const db = getDb();
    // A plain executor has no raw pool: streamEntities takes the object path with it.
    const plain: SqlExecutor = {
      $queryRawUnsafe: (q, ...v) => db.$queryRawUnsafe(q, ...v),
      $executeRawUnsafe: (q, ...v) => db.$executeRawUnsafe(q, ...v),
    };
    for (const params of [
      {},
      { offset: 7 },
      { filter: [{ "spec.type": ["website"] }], offset: 7 },
      { offset: N },
    ]) {
      const fast = await new Response(streamEntities(db, params)).text();
      const slow = await new Response(streamEntities(plain, params)).text();
      expect(fast.length, JSON.stringify(params)).toBe(slow.length);
      expect(fast === slow, JSON.stringify(params)).toBe(true);
    }
    const res = await get("/entities");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const all = (await res.json()) as Array<{ relations: unknown[] }>;
    expect(all).toHaveLength(N);
    expect(all.filter((e) => e.relations.length > 0)).toHaveLength(Math.floor(N / 50));
  }, 120_000);
});
