import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as byName } from "@/app/api/catalog/entities/by-name/[kind]/[namespace]/[name]/route";
import { GET as byQuery, POST as byQueryPredicate } from "@/app/api/catalog/entities/by-query/route";
import { POST as byRefs } from "@/app/api/catalog/entities/by-refs/route";
import { GET as byUid } from "@/app/api/catalog/entities/by-uid/[uid]/route";
import { GET as listEntities } from "@/app/api/catalog/entities/route";
import { GET as facets } from "@/app/api/catalog/entity-facets/route";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import type { Entity } from "@/lib/catalog/model/types";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("catalog-api");
  const { result } = await ingestFromDirectory(getDb(), path.resolve("prisma/seed/demo-org"));
  expect(result.ok).toBe(true);
});

afterAll(async () => {
  await app?.stop();
});

const get = (p: string) => new Request(`http://localhost/api/catalog${p}`);
const post = (p: string, body: unknown) =>
  new Request(`http://localhost/api/catalog${p}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const segment = <P>(params: P) => ({ params: Promise.resolve(params) });

/** Entities of the demo org with many relations both ways. */
const MANY_RELATIONS = [
  "component:default/checkout-api",
  "group:default/payments-team",
  "system:default/payments",
];

/** GET /entities/by-name for a `kind:namespace/name` ref. */
function byNameOf(ref: string): Promise<Response> {
  const [kind, rest] = ref.split(":");
  const [namespace, name] = rest.split("/");
  return byName(get(`/entities/by-name/${kind}/${namespace}/${name}`), segment({ kind, namespace, name }));
}

/** Backstage's envelope plus our code/details, with the failing field named. */
async function expectInputError(res: Response, field: string) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(body.error.name).toBe("InputError");
  expect(body.error.code).toBe("invalid_request");
  expect(body.response).toEqual({ statusCode: 400 });
  expect(body.error.details.fields.map((f: { field: string }) => f.field)).toContain(field);
}

describe("GET /api/catalog/entities", () => {
  it("filters, orders and prunes fields like Backstage, answering a plain array", async () => {
    const res = await listEntities(
      get(
        "/entities?filter=kind=component,spec.type=service&fields=metadata.name,spec.owner&order=desc:metadata.name",
      ),
    );
    expect(res.status).toBe(200);
    const items = (await res.json()) as Entity[];
    expect(Array.isArray(items)).toBe(true);
    expect(items.length).toBeGreaterThan(10);
    expect(Object.keys(items[0]).sort()).toEqual(["metadata", "spec"]);
    expect(Object.keys(items[0].metadata)).toEqual(["name"]);
    const names = items.map((e) => e.metadata.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(names).toContain("checkout-api");
  });

  it("ORs repeated filter sets and supports existence filters", async () => {
    const res = await listEntities(get("/entities?filter=kind=domain&filter=kind=system&fields=kind"));
    const kinds = new Set(((await res.json()) as Entity[]).map((e) => e.kind));
    expect(kinds).toEqual(new Set(["Domain", "System"]));
    const withSystem = (await (
      await listEntities(get("/entities?filter=kind=component,spec.system"))
    ).json()) as Entity[];
    expect(withSystem.length).toBe(42);
  });

  it("pages with limit and a Link header whose `after` yields the next page", async () => {
    const first = await listEntities(
      get("/entities?filter=kind=component&limit=20&offset=0&fields=metadata.name&order=asc:metadata.name"),
    );
    const link = first.headers.get("link");
    expect(link).toMatch(/^<\/api\/catalog\/entities\?.*after=[^&>]+.*>; rel="next"$/);
    expect(link).not.toContain("offset=");
    const page1 = (await first.json()) as Entity[];
    const nextPath = /^<([^>]+)>/.exec(link ?? "")?.[1];
    const second = await listEntities(new Request(`http://localhost${nextPath}`));
    const page2 = (await second.json()) as Entity[];
    expect(page1).toHaveLength(20);
    expect(page2).toHaveLength(20);
    expect(page2[0].metadata.name > page1[19].metadata.name).toBe(true);
    const third = await listEntities(
      new Request(`http://localhost${/^<([^>]+)>/.exec(second.headers.get("link") ?? "")?.[1]}`),
    );
    expect((await third.json()) as Entity[]).toHaveLength(2);
    expect(third.headers.get("link")).toBeNull();
  });

  it("rejects bad paging and ordering input with 400 naming the parameter", async () => {
    await expectInputError(await listEntities(get("/entities?limit=0")), "limit");
    await expectInputError(await listEntities(get("/entities?limit=ten")), "limit");
    await expectInputError(await listEntities(get("/entities?offset=-1")), "offset");
    await expectInputError(await listEntities(get("/entities?order=sideways:metadata.name")), "order");
    await expectInputError(await listEntities(get("/entities?after=!!not-a-cursor")), "after");
    await expectInputError(await listEntities(get("/entities?filter==component")), "filter");
  });
});

describe("GET /api/catalog/entities/by-query", () => {
  it("walks every page with cursors, counting totalItems, without duplicates", async () => {
    const seen: string[] = [];
    let res = await byQuery(
      get(
        "/entities/by-query?filter=kind=component&limit=15&orderField=metadata.name,asc&fields=metadata.name",
      ),
    );
    let body = await res.json();
    expect(body.totalItems).toBe(42);
    expect(body.pageInfo.prevCursor).toBeUndefined();
    for (;;) {
      seen.push(...body.items.map((e: Entity) => e.metadata.name));
      if (!body.pageInfo.nextCursor) break;
      res = await byQuery(get(`/entities/by-query?cursor=${encodeURIComponent(body.pageInfo.nextCursor)}`));
      body = await res.json();
      expect(body.pageInfo.prevCursor).toBeDefined();
    }
    expect(seen).toHaveLength(42);
    expect(new Set(seen).size).toBe(42);
    expect(seen).toEqual([...seen].sort());
  });

  it("applies the full-text filter and reports its total", async () => {
    const res = await byQuery(
      get("/entities/by-query?fullTextFilterTerm=checkout&fullTextFilterFields=metadata.name&limit=50"),
    );
    const body = await res.json();
    const names = body.items.map((e: Entity) => e.metadata.name);
    expect(names).toContain("checkout-api");
    expect(body.totalItems).toBe(names.length);
    expect(names.length).toBeLessThan(20);
    const none = await (await byQuery(get("/entities/by-query?fullTextFilterTerm=zzqqxx-nothing"))).json();
    expect(none).toEqual({ items: [], totalItems: 0, pageInfo: {} });
  });

  it("accepts the predicate form (POST) that catalog-client sends for `query`", async () => {
    const res = await byQueryPredicate(
      post("/entities/by-query", {
        query: {
          $all: [{ kind: "component" }, { "spec.lifecycle": { $in: ["production", "experimental"] } }],
        },
        limit: 100,
        fields: ["spec.lifecycle", "kind"],
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(
      body.items.every((e: Entity) => ["production", "experimental"].includes(String(e.spec?.lifecycle))),
    ).toBe(true);
    const bad = await byQueryPredicate(post("/entities/by-query", { query: { $not: { kind: "x" } } }));
    await expectInputError(bad, "query");
  });

  it("rejects a forged cursor, a bad orderField and an out-of-range limit", async () => {
    await expectInputError(await byQuery(get("/entities/by-query?cursor=abc")), "cursor");
    await expectInputError(
      await byQuery(get("/entities/by-query?orderField=metadata.name,up")),
      "orderField",
    );
    await expectInputError(await byQuery(get("/entities/by-query?limit=1001")), "limit");
    await expectInputError(await byQuery(get("/entities/by-query?totalItems=maybe")), "totalItems");
  });
});

describe("single entities, refs and facets", () => {
  it("finds an entity by name case-insensitively and 404s in Backstage's shape", async () => {
    const res = await byName(
      get("/entities/by-name/Component/default/Checkout-API"),
      segment({ kind: "Component", namespace: "default", name: "Checkout-API" }),
    );
    expect(res.status).toBe(200);
    const entity = (await res.json()) as Entity;
    expect(entity.metadata.name).toBe("checkout-api");
    expect(
      entity.relations?.some((r) => r.type === "ownedBy" && r.targetRef === "group:default/payments-team"),
    ).toBe(true);

    const byId = await byUid(
      get(`/entities/by-uid/${entity.metadata.uid}`),
      segment({ uid: entity.metadata.uid as string }),
    );
    expect(((await byId.json()) as Entity).metadata.name).toBe("checkout-api");

    // The one-query form (entity and relations together) answers as the list endpoints do,
    // relations in the same order, for entities with many relations both ways.
    for (const ref of MANY_RELATIONS) {
      const one = await (await byNameOf(ref)).json();
      const listed = await (await byRefs(post("/entities/by-refs", { entityRefs: [ref] }))).json();
      expect(one.relations.length, ref).toBeGreaterThan(1);
      expect(one, ref).toEqual(listed.items[0]);
    }

    const missing = await byName(
      get("/entities/by-name/component/default/nope"),
      segment({ kind: "component", namespace: "default", name: "nope" }),
    );
    expect(missing.status).toBe(404);
    const body = await missing.json();
    expect(body.error).toMatchObject({ name: "NotFoundError", code: "not_found" });
    expect(body.request).toEqual({
      method: "GET",
      url: "/api/catalog/entities/by-name/component/default/nope",
    });
    expect(body.response).toEqual({ statusCode: 404 });

    await expectInputError(await byUid(get("/entities/by-uid/x"), segment({ uid: "x" })), "uid");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await byUid(get(`/entities/by-uid/${unknown}`), segment({ uid: unknown }))).status).toBe(404);
  });

  it("answers by-name with the bytes JSON.stringify gives the stored entity, with the API headers", async () => {
    for (const ref of MANY_RELATIONS) {
      const res = await byNameOf(ref);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      // The object path (Prisma rows, JSON.stringify) is what by-name answered before.
      expect(await res.text(), ref).toBe(JSON.stringify(await getEntityByRef(getDb(), ref)));
    }
  });

  it("answers by-refs in request order with null for unknown refs and applies fields and filter", async () => {
    const res = await byRefs(
      post("/entities/by-refs?filter=kind=component", {
        entityRefs: [
          "component:default/checkout-api",
          "component:default/missing",
          "group:default/payments-team",
          "not a ref::",
        ],
        fields: ["metadata.name"],
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [{ metadata: { name: "checkout-api" } }, null, null, null] });
    await expectInputError(
      await byRefs(post("/entities/by-refs", { entityRefs: "component:default/x" })),
      "entityRefs",
    );
  });

  it("counts facets with filters", async () => {
    const res = await facets(get("/entity-facets?facet=kind&facet=spec.type&filter=kind=component"));
    const body = await res.json();
    expect(body.facets.kind).toEqual([{ value: "Component", count: 42 }]);
    const types = body.facets["spec.type"] as Array<{ value: string; count: number }>;
    expect(types.reduce((n, t) => n + t.count, 0)).toBe(42);
    await expectInputError(await facets(get("/entity-facets")), "facet");
  });
});
