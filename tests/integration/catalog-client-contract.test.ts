import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CATALOG_FILTER_EXISTS, CatalogClient } from "@backstage/catalog-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteEntry, RouteModule } from "@/lib/catalog/api/route-server";
import { startRouteServer } from "@/lib/catalog/api/route-server";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * Drives the catalog routes with the real @backstage/catalog-client over loopback HTTP,
 * so request encodings (filter, fields, order, cursors, bodies) and response parsing are
 * exactly Backstage's.
 */

let app: AppEnvironment;
let server: { url: string; close: () => Promise<void> };
let client: CatalogClient;
let contractDir: string;

async function catalogRoutes(dir = path.resolve("app/api/catalog")): Promise<RouteEntry[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith("route.ts"));
  return Promise.all(
    files.map(async (f) => ({
      path: `/api/catalog/${path.dirname(f)}`.replace(/\/\.$/, ""),
      module: (await import(path.join(dir, f))) as RouteModule,
    })),
  );
}

const svcYaml = (names: string[]) =>
  names
    .map(
      (n) =>
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${n}\n  description: contract test ${n}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: payments-team\n  system: payments\n`,
    )
    .join("---\n");

beforeAll(async () => {
  app = await startAppEnvironment("contract");
  contractDir = path.join(app.dataDir, "catalog", "contract");
  await mkdir(contractDir, { recursive: true });
  await writeFile(
    path.join(contractDir, "catalog-info.yaml"),
    "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: contract\nspec:\n  targets: [./svc.yaml]\n",
  );
  await writeFile(path.join(contractDir, "svc.yaml"), svcYaml(["contract-alpha", "contract-beta"]));
  const { result } = await ingestFromDirectory(getDb(), path.resolve("prisma/seed/demo-org"));
  expect(result.ok).toBe(true);
  server = await startRouteServer(await catalogRoutes());
  client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => `${server.url}/api/catalog` },
    fetchApi: { fetch },
  });
});

afterAll(async () => {
  await server?.close();
  await app?.stop();
});

describe("CatalogClient reads", () => {
  it("getEntities with filter, fields and order", async () => {
    const { items } = await client.getEntities({
      filter: { kind: "Component", "spec.owner": "payments-team" },
      fields: ["kind", "metadata.name", "spec.owner"],
      order: { field: "metadata.name", order: "desc" },
    });
    const names = items.map((e) => e.metadata.name);
    expect(names).toContain("checkout-api");
    expect(names).toEqual([...names].sort().reverse());
    // spec.owner matches both the short form and full refs, as in Backstage.
    expect(
      items.every((e) => e.kind === "Component" && /(^|\/)payments-team$/.test(String(e.spec?.owner))),
    ).toBe(true);
    expect(Object.keys(items[0]).sort()).toEqual(["kind", "metadata", "spec"]);
  });

  it("getEntities ORs filter sets, honours CATALOG_FILTER_EXISTS, limit and offset", async () => {
    const { items } = await client.getEntities({
      filter: [{ kind: "Domain" }, { kind: "System", "spec.domain": CATALOG_FILTER_EXISTS }],
      fields: ["kind"],
    });
    expect(items.filter((e) => e.kind === "Domain")).toHaveLength(3);
    expect(items.filter((e) => e.kind === "System")).toHaveLength(7);
    const page = await client.getEntities({
      filter: { kind: "Component" },
      fields: ["metadata.name"],
      order: { field: "metadata.name", order: "asc" },
      limit: 5,
      offset: 5,
    });
    const all = await client.getEntities({
      filter: { kind: "Component" },
      fields: ["metadata.name"],
      order: { field: "metadata.name", order: "asc" },
    });
    expect(page.items).toEqual(all.items.slice(5, 10));
  });

  it("queryEntities pages across every page with cursors", async () => {
    let res = await client.queryEntities({
      filter: { kind: "Component" },
      limit: 10,
      orderFields: { field: "metadata.name", order: "asc" },
      fields: ["metadata.name"],
    });
    expect(res.totalItems).toBe(42);
    const names = res.items.map((e) => e.metadata.name);
    while (res.pageInfo.nextCursor) {
      res = await client.queryEntities({ cursor: res.pageInfo.nextCursor, limit: 10 });
      names.push(...res.items.map((e) => e.metadata.name));
    }
    expect(names).toHaveLength(42);
    expect(new Set(names).size).toBe(42);
    const back = await client.queryEntities({ cursor: res.pageInfo.prevCursor as string, limit: 10 });
    expect(back.items.map((e) => e.metadata.name)).toEqual(names.slice(30, 40));
  });

  it("queryEntities with fullTextFilter, with a predicate query, and streamEntities", async () => {
    const text = await client.queryEntities({
      fullTextFilter: { term: "checkout", fields: ["metadata.name"] },
      limit: 100,
    });
    expect(text.items.map((e) => e.metadata.name)).toContain("checkout-api");
    expect(text.totalItems).toBe(text.items.length);

    const predicate = await client.queryEntities({
      query: { kind: "API", "spec.type": { $in: ["grpc", "graphql"] } },
      limit: 100,
    });
    expect(predicate.items.length).toBeGreaterThan(0);
    expect(
      predicate.items.every((e) => e.kind === "API" && ["grpc", "graphql"].includes(String(e.spec?.type))),
    ).toBe(true);

    let streamed = 0;
    for await (const page of client.streamEntities({ filter: { kind: "User" }, pageSize: 10 }))
      streamed += page.length;
    expect(streamed).toBe(27);
  });

  it("getEntityByRef, getEntitiesByRefs and getEntityFacets", async () => {
    const entity = await client.getEntityByRef("component:default/checkout-api");
    expect(entity?.spec?.owner).toBe("payments-team");
    expect(entity?.relations?.length).toBeGreaterThan(0);
    expect(await client.getEntityByRef("component:default/does-not-exist")).toBeUndefined();

    const refs = await client.getEntitiesByRefs({
      entityRefs: ["group:default/payments-team", "component:default/nope", "component:default/checkout-api"],
      fields: ["kind", "metadata.name"],
    });
    expect(refs.items).toEqual([
      { kind: "Group", metadata: { name: "payments-team" } },
      undefined,
      { kind: "Component", metadata: { name: "checkout-api" } },
    ]);
    const filtered = await client.getEntitiesByRefs({
      entityRefs: ["group:default/payments-team", "component:default/checkout-api"],
      filter: { kind: "Component" },
      fields: ["metadata.name"],
    });
    expect(filtered.items).toEqual([undefined, { metadata: { name: "checkout-api" } }]);

    const { facets } = await client.getEntityFacets({
      facets: ["kind", "spec.lifecycle"],
      filter: { kind: "Component" },
    });
    expect(facets.kind).toEqual([{ value: "Component", count: 42 }]);
    expect(facets["spec.lifecycle"].reduce((n, f) => n + f.count, 0)).toBe(42);
    const viaQuery = await client.getEntityFacets({
      facets: ["kind"],
      query: { kind: { $in: ["Group", "User"] } },
    });
    expect(Object.fromEntries(viaQuery.facets.kind.map((f) => [f.value, f.count]))).toEqual({
      User: 27,
      Group: 12,
    });
  });

  it("getEntityAncestors walks entity -> Location entity -> generated Location entity", async () => {
    const res = await client.getEntityAncestors({ entityRef: "Component:default/Checkout-API" });
    expect(res.rootEntityRef).toBe("component:default/checkout-api");
    const refs = res.items.map((i) => `${i.entity.kind}:${i.entity.metadata.name}`);
    expect(refs[0]).toBe("Component:checkout-api");
    expect(refs[1]).toBe("Location:larkspur-demo-org");
    expect(refs[2]).toMatch(/^Location:generated-[0-9a-f]{40}$/);
    expect(res.items).toHaveLength(3);
    expect(res.items.map((i) => i.parentEntityRefs)).toEqual([
      ["location:default/larkspur-demo-org"],
      [`location:default/${res.items[2].entity.metadata.name}`],
      [],
    ]);
    // Full entities, as the by-name route returns them (relations included).
    expect(res.items[0].entity.relations?.length).toBeGreaterThan(0);
    expect(String(res.items[2].entity.spec?.target)).toMatch(/prisma\/seed\/demo-org\/catalog-info\.yaml$/);

    const missing = await client.getEntityAncestors({ entityRef: "component:default/nope" }).catch((e) => e);
    expect(missing.name).toBe("ResponseError");
    expect(missing.statusCode).toBe(404);
    expect(missing.cause.name).toBe("NotFoundError");
  });

  it("surfaces 4xx as ResponseError with Backstage's error name", async () => {
    const error = await client.queryEntities({ cursor: "definitely-not-a-cursor" }).catch((e) => e);
    expect(error.name).toBe("ResponseError");
    expect(error.statusCode).toBe(400);
    expect(error.cause.name).toBe("InputError");
    expect(error.cause.message).toMatch(/cursor/);
  });
});

describe("CatalogClient writes", () => {
  const target = () => path.join(contractDir, "catalog-info.yaml");
  let locationId = "";

  it("addLocation dry run previews without writing", async () => {
    const res = await client.addLocation({ type: "file", target: target(), dryRun: true });
    expect(res.exists).toBe(false);
    expect(res.entities.map((e) => e.metadata.name)).toEqual(
      expect.arrayContaining(["contract-alpha", "contract-beta"]),
    );
    expect(await client.getEntityByRef("component:default/contract-alpha")).toBeUndefined();
  });

  it("addLocation, getLocations, getLocationById, getLocationByRef, getLocationByEntity; duplicate is a 409", async () => {
    const res = await client.addLocation({ type: "file", target: target() });
    locationId = res.location.id;
    expect(res.location).toEqual({ id: locationId, type: "file", target: target() });
    expect(res.entities.map((e) => e.metadata.name)).toContain("contract-beta");

    const { items } = await client.getLocations();
    expect(items).toContainEqual({ id: locationId, type: "file", target: target() });
    expect(await client.getLocationById(locationId)).toEqual({
      id: locationId,
      type: "file",
      target: target(),
    });
    expect((await client.getLocationByRef(`file:${target()}`))?.id).toBe(locationId);
    expect((await client.getLocationByEntity("component:default/contract-alpha"))?.id).toBe(locationId);

    const dup = await client.addLocation({ type: "file", target: target() }).catch((e) => e);
    expect(dup.statusCode).toBe(409);
    expect(dup.cause.name).toBe("ConflictError");
  });

  it("refreshEntity re-reads the source; removeEntityByUid deletes the orphan it leaves", async () => {
    await writeFile(path.join(contractDir, "svc.yaml"), svcYaml(["contract-alpha"]));
    const beta = await client.getEntityByRef("component:default/contract-beta");
    const stillEmitted = await client.removeEntityByUid(beta?.metadata.uid as string).catch((e) => e);
    expect(stillEmitted.statusCode).toBe(409);

    await client.refreshEntity("component:default/contract-alpha");
    const orphan = await client.getEntityByRef("component:default/contract-beta");
    expect(orphan?.metadata.annotations?.["backstage.io/orphan"]).toBe("true");
    // An orphan's parent no longer emits it, so (as in Backstage) it has no ancestors.
    expect(await client.getEntityAncestors({ entityRef: "component:default/contract-beta" })).toEqual({
      rootEntityRef: "component:default/contract-beta",
      items: [{ entity: expect.objectContaining({ kind: "Component" }), parentEntityRefs: [] }],
    });
    const alpha = await client.getEntityAncestors({ entityRef: "component:default/contract-alpha" });
    expect(alpha.items.map((i) => i.parentEntityRefs[0] ?? null)).toEqual([
      "location:default/contract",
      expect.stringMatching(/^location:default\/generated-/),
      null,
    ]);
    await client.removeEntityByUid(orphan?.metadata.uid as string);
    expect(await client.getEntityByRef("component:default/contract-beta")).toBeUndefined();
  });

  it("validateEntity reports valid and invalid entities", async () => {
    const entity = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: { name: "fine" },
      spec: { type: "service", lifecycle: "production", owner: "payments-team" },
    };
    expect(await client.validateEntity(entity, "url:https://example.com/catalog-info.yaml")).toEqual({
      valid: true,
    });
    const invalid = await client.validateEntity(
      { ...entity, metadata: { name: "not fine!" } },
      "url:https://example.com/x.yaml",
    );
    expect(invalid.valid).toBe(false);
    if (!invalid.valid)
      expect(invalid.errors[0]).toMatchObject({ name: "InputError", message: expect.any(String) });
  });

  it("analyzeLocation lists the files' entities", async () => {
    const res = await client.analyzeLocation({ location: { type: "file", target: contractDir } });
    expect(res.generateEntities).toEqual([]);
    expect(res.existingEntityFiles.map((f) => f.entity.metadata.name)).toEqual(
      expect.arrayContaining(["contract", "contract-alpha"]),
    );
    expect(res.existingEntityFiles.every((f) => f.isRegistered)).toBe(true);
  });

  it("removeLocationById removes the location and its entities", async () => {
    await client.removeLocationById(locationId);
    expect(await client.getLocationById(locationId)).toBeUndefined();
    expect(await client.getEntityByRef("component:default/contract-alpha")).toBeUndefined();
    const again = await client.removeLocationById(locationId).catch((e) => e);
    expect(again.statusCode).toBe(404);
  });
});
