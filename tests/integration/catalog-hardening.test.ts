import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as analyzeLocation } from "@/app/api/catalog/analyze-location/route";
import { GET as byName } from "@/app/api/catalog/entities/by-name/[kind]/[namespace]/[name]/route";
import { GET as byQuery, POST as byQueryPredicate } from "@/app/api/catalog/entities/by-query/route";
import { POST as byRefs } from "@/app/api/catalog/entities/by-refs/route";
import { GET as listEntities } from "@/app/api/catalog/entities/route";
import { GET as facets } from "@/app/api/catalog/entity-facets/route";
import { POST as refresh } from "@/app/api/catalog/refresh/route";
import { POST as register } from "@/app/api/catalog/register/route";
import { POST as validateEntity } from "@/app/api/catalog/validate-entity/route";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("catalog-hardening");
});

afterAll(async () => {
  await app?.stop();
});

const FORBIDDEN = ["polluted", "constructor", "prototype", "isAdmin", "toString"] as const;

afterEach(() => {
  // A failing run must not leave the rest of the worker poisoned.
  for (const key of ["polluted", "isAdmin"]) delete (Object.prototype as Record<string, unknown>)[key];
});

const get = (p: string) => new Request(`http://localhost/api/catalog${p}`);
const post = (p: string, body: unknown) =>
  new Request(`http://localhost/api/catalog${p}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

function expectPrototypeClean() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
  expect(typeof probe.toString).toBe("function");
  void FORBIDDEN;
}

const component = (name: string, extra = "") => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
${extra}`;

describe("prototype pollution through __proto__ keys", () => {
  it("rejects __proto__, constructor and prototype keys at register with 400 naming the path", async () => {
    for (const [yaml, path] of [
      [component("p1", "  __proto__:\n    polluted: yes\n"), "spec.__proto__"],
      [
        component("p2", "  nested:\n    constructor:\n      prototype:\n        polluted: yes\n"),
        "spec.nested.constructor",
      ],
      [
        component("p3").replace("metadata:\n", "metadata:\n  annotations:\n    __proto__: x\n"),
        "metadata.annotations.__proto__",
      ],
    ] as const) {
      const res = await register(post("/register", { yaml }));
      expect(res.status).toBe(400);
      const text = JSON.stringify(await res.json());
      expect(text).toContain(path);
      expectPrototypeClean();
    }
  });

  it("rejects them in validate-entity and analyze-location too", async () => {
    const entity = JSON.parse(
      '{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"v1"},"spec":{"type":"service","lifecycle":"production","owner":"team-a","__proto__":{"polluted":"yes"}}}',
    );
    const res = await validateEntity(
      post("/validate-entity", `{"entity":${JSON.stringify(entity)},"location":"url:http://x"}`),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("spec.__proto__");
    expectPrototypeClean();

    await mkdir(path.join(app.dataDir, "catalog"), { recursive: true });
    const file = path.join(app.dataDir, "catalog", "proto.yaml");
    await writeFile(file, component("from-file", "  __proto__:\n    polluted: yes\n"));
    const analyzed = await analyzeLocation(
      post("/analyze-location", { location: { type: "file", target: file } }),
    );
    expect(analyzed.status).toBeLessThan(500);
    const body = JSON.stringify(await analyzed.json());
    expect(body).toContain("spec.__proto__");
    expect(body).not.toContain('"from-file"');
    expectPrototypeClean();
  });

  it("stored entities with __proto__ keys never pollute Object.prototype on read", async () => {
    const ok = await register(post("/register", { yaml: component("stored-poison") }));
    expect(ok.status).toBe(201);
    await getDb().$executeRawUnsafe(
      `UPDATE catalog_entities SET entity = jsonb_set(jsonb_set(entity, '{spec,__proto__}', '{"polluted":"yes","isAdmin":true}'), '{metadata,constructor}', '{"prototype":{"polluted":"yes"}}') WHERE name = 'stored-poison'`,
    );
    const paths = [
      "spec.__proto__.polluted",
      "spec.__proto__",
      "__proto__.polluted",
      "metadata.constructor.prototype.polluted",
      "constructor.prototype.polluted",
      "spec.__proto__.isAdmin",
    ];
    const requests: Array<() => Promise<Response>> = [];
    for (const p of paths) {
      requests.push(
        () => listEntities(get(`/entities?fields=${encodeURIComponent(p)}`)),
        () =>
          listEntities(
            get(`/entities?fields=metadata.name,${encodeURIComponent(p)}&filter=metadata.name=stored-poison`),
          ),
        () => listEntities(get(`/entities?filter=${encodeURIComponent(`${p}=yes`)}`)),
        () => listEntities(get(`/entities?filter=${encodeURIComponent(p)}`)),
        () => listEntities(get(`/entities?order=asc:${encodeURIComponent(p)}`)),
        () => facets(get(`/entity-facets?facet=${encodeURIComponent(p)}`)),
        () => facets(get(`/entity-facets?facet=kind&filter=${encodeURIComponent(`${p}=yes`)}`)),
        () =>
          byQuery(
            get(
              `/entities/by-query?fullTextFilterTerm=yes&fullTextFilterFields=${encodeURIComponent(p)}&fields=${encodeURIComponent(p)}`,
            ),
          ),
        () =>
          byQuery(
            get(`/entities/by-query?orderField=${encodeURIComponent(p)},asc&fields=${encodeURIComponent(p)}`),
          ),
        () => byQueryPredicate(post("/entities/by-query", `{"query":{"${p}":"yes"},"fields":["${p}"]}`)),
        () =>
          byQueryPredicate(
            post("/entities/by-query", `{"query":{"$all":[{"${p}":{"$exists":true}},{"kind":"component"}]}}`),
          ),
        () =>
          byRefs(post("/entities/by-refs", { entityRefs: ["component:default/stored-poison"], fields: [p] })),
      );
    }
    for (const key of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]) {
      requests.push(
        () => listEntities(get(`/entities?filter=${key}=x`)),
        () => listEntities(get(`/entities?order=asc:${key}`)),
        () => facets(get(`/entity-facets?facet=${key}`)),
        () => facets(get(`/entity-facets?facet=kind&filter=${key}`)),
        () => byQuery(get(`/entities/by-query?fullTextFilterTerm=x&fullTextFilterFields=${key}`)),
        () => byQuery(get(`/entities/by-query?orderField=${key},asc`)),
        () => byQueryPredicate(post("/entities/by-query", `{"query":{"${key}":"x"}}`)),
        () => byQueryPredicate(post("/entities/by-query", `{"query":{"${key}":{"polluted":"x"}}}`)),
      );
    }
    for (const send of requests) {
      const res = await send();
      expect(res.status, await res.clone().text()).toBeLessThan(500);
      expectPrototypeClean();
    }
    // The projection still returns the stored key as plain data.
    const res = await listEntities(
      get("/entities?filter=metadata.name=stored-poison&fields=spec.__proto__.polluted"),
    );
    expect(res.status).toBe(200);
    const [item] = await res.json();
    expect(item.spec.__proto__).toEqual({ polluted: "yes" });
  });
});

describe("entity links", () => {
  it("rejects javascript: and data: links at register, naming metadata.links.<i>.url", async () => {
    const yaml = component("linked").replace(
      "metadata:\n",
      "metadata:\n  links:\n    - url: https://ok.example\n    - url: javascript:alert(document.cookie)\n    - url: data:text/html,hi\n",
    );
    const res = await register(post("/register", { yaml }));
    const body = await res.json();
    const paths = (body.errors ?? []).map((e: { path?: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["metadata.links.1.url", "metadata.links.2.url"]));
    const stored = await listEntities(get("/entities?filter=metadata.name=linked"));
    expect(await stored.json()).toEqual([]);
    const valid = await validateEntity(
      post("/validate-entity", {
        location: "url:http://x",
        entity: {
          apiVersion: "backstage.io/v1alpha1",
          kind: "Component",
          metadata: { name: "v", links: [{ url: "javascript:alert(1)" }] },
          spec: { type: "service", lifecycle: "production", owner: "t" },
        },
      }),
    );
    expect(valid.status).toBe(400);
    expect(JSON.stringify(await valid.json())).toContain("metadata.links.0.url");
  });
});

describe("hostile query input", () => {
  it("answers NUL and control characters in paths, keys and values with 400, never 500", async () => {
    const nul = "%00";
    const cases: Array<() => Promise<Response>> = [
      () => listEntities(get(`/entities?fields=spec.a${nul}b`)),
      () => listEntities(get(`/entities?filter=spec.a${nul}b=x`)),
      () => listEntities(get(`/entities?filter=spec.type=x${nul}`)),
      () => listEntities(get(`/entities?filter=kind=x${nul}`)),
      () => listEntities(get(`/entities?order=asc:spec.a${nul}`)),
      () => facets(get(`/entity-facets?facet=spec.a${nul}`)),
      () => facets(get(`/entity-facets?facet=kind&filter=spec.x=${nul}`)),
      () => byQuery(get(`/entities/by-query?fullTextFilterTerm=a${nul}&fullTextFilterFields=spec.x`)),
      () => byQuery(get(`/entities/by-query?fullTextFilterTerm=a&fullTextFilterFields=spec.x${nul}`)),
      () => byQuery(get(`/entities/by-query?orderField=spec.a${nul},asc`)),
      () => byQueryPredicate(post("/entities/by-query", { query: { "spec.a\u0000": "x" } })),
      () => byQueryPredicate(post("/entities/by-query", { query: { "spec.type": "x\u0000" } })),
      () => byQueryPredicate(post("/entities/by-query", { fields: ["spec.\u0000"] })),
      () => byQueryPredicate(post("/entities/by-query", { orderBy: [{ field: "a\u0000", order: "asc" }] })),
      () =>
        byQueryPredicate(post("/entities/by-query", { fullTextFilter: { term: "\u0000", fields: ["x"] } })),
      () => byRefs(post("/entities/by-refs", { entityRefs: ["component:default/a\u0000"] })),
      () => byRefs(post("/entities/by-refs", { entityRefs: ["component:default/a"], fields: ["a\u0000"] })),
    ];
    cases.push(() =>
      byName(get("/entities/by-name/component/default/a%00"), {
        params: Promise.resolve({ kind: "component", namespace: "default", name: "a\u0000" }),
      }),
    );
    for (const [i, send] of cases.entries()) {
      const res = await send();
      expect(res.status, `case ${i}: ${await res.clone().text()}`).toBeLessThan(500);
    }
    await expectInput(await listEntities(get(`/entities?fields=spec.a${nul}b`)), "fields");
    await expectInput(await listEntities(get(`/entities?filter=spec.a${nul}b=x`)), "filter");
  });

  it("caps facet and fullTextFilterFields per request with 400 naming the parameter", async () => {
    const many = (n: number, name: string) =>
      Array.from({ length: n }, (_, i) => `${name}=spec.f${i}`).join("&");
    await expectInput(await facets(get(`/entity-facets?${many(21, "facet")}`)), "facet");
    expect((await facets(get(`/entity-facets?${many(20, "facet")}`))).status).toBe(200);
    const fields = Array.from({ length: 21 }, (_, i) => `spec.f${i}`).join(",");
    await expectInput(
      await byQuery(get(`/entities/by-query?fullTextFilterTerm=a&fullTextFilterFields=${fields}`)),
      "fullTextFilterFields",
    );
    // The predicate body is a union (cursor or query), so zod names the body rather than the field.
    const res = await byQueryPredicate(
      post("/entities/by-query", { fullTextFilter: { term: "a", fields: fields.split(",") } }),
    );
    expect(res.status).toBe(400);
  });
});

async function expectInput(res: Response, field: string) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(JSON.stringify(body.error.details)).toContain(field);
}

describe("location tree limits", () => {
  it("refuses a placeholder bomb at register and keeps stored entities when a refresh exceeds a cap", async () => {
    app.setEnv({
      PORTICO_CATALOG_MAX_LOCATION_BYTES: String(1024 * 1024),
      PORTICO_CATALOG_MAX_PLACEHOLDERS: "100",
    });
    try {
      const big = path.join(app.dataDir, "catalog", "big.txt");
      await mkdir(path.dirname(big), { recursive: true });
      await writeFile(big, "x".repeat(64 * 1024));
      const bomb = Array.from({ length: 40 }, (_, i) =>
        component(`bomb-${i}`).replace("spec:\n", "  description: { $text: ../big.txt }\nspec:\n"),
      ).join("---\n");
      const refused = await register(post("/register", { yaml: bomb }));
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body.error.code).toBe("location_too_large");
      expect(body.error.message).toContain("PORTICO_CATALOG_MAX_LOCATION_BYTES");
      expect(await (await listEntities(get("/entities?filter=metadata.name=bomb-0"))).json()).toEqual([]);

      const small = [0, 1]
        .map((i) =>
          component(`capped-${i}`).replace("spec:\n", "  description: { $text: ../big.txt }\nspec:\n"),
        )
        .join("---\n");
      expect((await register(post("/register", { yaml: small }))).status).toBe(201);
      await writeFile(big, "y".repeat(600 * 1024));
      const res = await refresh(post("/refresh", { entityRef: "component:default/capped-0" }));
      expect(res.status).toBeLessThan(500);
      const outcome = await res.json();
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome.errors)).toContain("LIMIT_EXCEEDED");
      const kept = await (await listEntities(get("/entities?filter=metadata.name=capped-1"))).json();
      expect(kept).toHaveLength(1);
      expect(kept[0].metadata.description).toBe("x".repeat(64 * 1024));
    } finally {
      app.setEnv({
        PORTICO_CATALOG_MAX_LOCATION_BYTES: undefined,
        PORTICO_CATALOG_MAX_PLACEHOLDERS: undefined,
      });
    }
  });
});
