import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { analyzeLocation } from "@/lib/catalog/ingest/analyze-location";
import { createFileReader } from "@/lib/catalog/ingest/file-reader";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import {
  addLocation,
  getLocationErrors,
  listLocations,
  refreshLocation,
  removeLocation,
} from "@/lib/catalog/ingest/locations";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getEntityPage } from "@/lib/catalog/queries/get-entity-page";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

const FIXTURE = path.resolve(__dirname, "../fixtures/catalog/tree");
let t: CatalogTestDb;
let dir: string;
const reader = createFileReader();

beforeAll(async () => {
  t = await startCatalogTestDb();
});
afterAll(async () => {
  await t?.stop();
});
beforeEach(async () => {
  await t.reset();
  dir = await mkdtemp(path.join(os.tmpdir(), "catalog-"));
  await cp(FIXTURE, dir, { recursive: true });
  return () => rm(dir, { recursive: true, force: true });
});

async function refs(): Promise<string[]> {
  return (
    await t.query<{ ref: string }>("SELECT ref FROM catalog_entities WHERE kind <> 'location' ORDER BY ref")
  ).map((r) => r.ref);
}

describe("catalog ingestion", () => {
  it("stores valid entities and records errors for the invalid one", async () => {
    const { location, result } = await ingestFromDirectory(t.db, dir);
    expect(result.ok).toBe(true);
    expect(await refs()).toEqual([
      "api:default/payments-api",
      "component:default/checkout",
      "component:default/payments",
      "domain:default/commerce",
      "group:default/engineering",
      "group:default/team-payments",
      "resource:default/payments-db",
      "system:default/shop",
      "user:default/ada",
    ]);
    const errors = await getLocationErrors(t.db, location.id);
    expect(errors.map((e) => [e.code, e.documentIndex, e.path])).toEqual([
      ["VALIDATION", 1, "metadata.name"],
      ["VALIDATION", 1, "spec.owner"],
    ]);
    expect(errors[0].file).toBe(`file:${path.join(dir, "services/payments.yaml")}`);
    expect((await listLocations(t.db))[0]).toMatchObject({ status: "warning", type: "file" });

    const api = await getEntityByRef(t.db, "api:default/payments-api");
    expect(api?.spec?.definition).toContain("openapi: 3.0.0");
    expect(api?.metadata.annotations).toMatchObject({
      "backstage.io/managed-by-location": `file:${path.join(dir, "apis/payments-api.yaml")}`,
      "backstage.io/managed-by-origin-location": `file:${path.join(dir, "catalog-info.yaml")}`,
      "backstage.io/source-location": `file:${path.join(dir, "apis")}/`,
    });
    expect(api?.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(api?.metadata.generation).toBe(1);
    expect(api?.relations).toEqual(
      expect.arrayContaining([
        { type: "ownedBy", targetRef: "group:default/team-payments" },
        { type: "partOf", targetRef: "system:default/shop" },
        { type: "apiProvidedBy", targetRef: "component:default/payments" },
        { type: "apiConsumedBy", targetRef: "component:default/checkout" },
      ]),
    );
  });

  it("keeps unresolved relations and resolves titles on the entity page", async () => {
    await ingestFromDirectory(t.db, dir);
    const page = await getEntityPage(t.db, "component:checkout");
    expect(page?.owner).toMatchObject({
      ref: "group:default/team-payments",
      title: "Payments Team",
      resolved: true,
    });
    expect(page?.unresolved.map((r) => [r.relation, r.ref])).toEqual([
      ["dependsOn", "resource:default/missing-cache"],
    ]);
    const group = await getEntityPage(t.db, "group:team-payments");
    expect(group?.members.map((m) => m.ref)).toEqual(["user:default/ada"]);
    expect(group?.owned.map((m) => m.ref)).toEqual([
      "api:default/payments-api",
      "component:default/checkout",
      "component:default/payments",
      "resource:default/payments-db",
      "system:default/shop",
    ]);
    const eng = await getEntityPage(t.db, "group:engineering");
    expect(eng?.childGroups.map((m) => m.ref)).toEqual(["group:default/team-payments"]);
    const user = await getEntityPage(t.db, "user:ada");
    expect(user?.groups.map((g) => g.title)).toEqual(["Payments Team"]);
  });

  it("shows the first relations of each type on the entity page and counts them all", async () => {
    await ingestFromDirectory(t.db, dir);
    const group = await getEntityPage(t.db, "group:team-payments", { perType: 2 });
    expect(group?.owned.map((m) => m.ref)).toEqual([
      "api:default/payments-api",
      "component:default/checkout",
    ]);
    expect(group?.relationTotals.ownerOf).toBe(5);
    expect(group?.relationTotals.hasMember).toBe(1);
    expect(group?.relations.filter((r) => r.relation === "ownerOf")).toHaveLength(2);
  });

  it("orphans entities that disappear, bumps generation on spec change, and keeps etag on no-op", async () => {
    const { location } = await ingestFromDirectory(t.db, dir);
    const before = await getEntityByRef(t.db, "component:payments");
    const again = await refreshLocation(t.db, location.id, { reader });
    expect(again).toMatchObject({ ok: true, added: 0, updated: 0, orphaned: 0 });
    expect((await getEntityByRef(t.db, "component:payments"))?.metadata.etag).toBe(before?.metadata.etag);

    const file = path.join(dir, "services/checkout.yaml");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("lifecycle: experimental", "lifecycle: production"),
    );
    await writeFile(
      path.join(dir, "services/payments.yaml"),
      (await readFile(path.join(dir, "services/payments.yaml"), "utf8")).split("---\n# Deliberately")[0],
    );
    const result = await refreshLocation(t.db, location.id, { reader });
    expect(result).toMatchObject({ ok: true, updated: 1, orphaned: 1 });
    const db = await getEntityByRef(t.db, "resource:payments-db");
    expect(db?.metadata.annotations?.["backstage.io/orphan"]).toBe("true");
    expect((await getEntityByRef(t.db, "component:checkout"))?.metadata.generation).toBe(2);
    expect(await getLocationErrors(t.db, location.id)).toEqual([]);
  });

  it("does not let another location claim an entity (conflict), even an orphaned one", async () => {
    const first = await ingestFromDirectory(t.db, dir);
    const other = path.join(dir, "other.yaml");
    await writeFile(
      other,
      (await readFile(path.join(dir, "services/checkout.yaml"), "utf8")).replace(
        "The storefront",
        "Hijacked",
      ),
    );
    const second = await addLocation(t.db, { type: "file", target: other }, { reader });
    expect(second.result).toMatchObject({ ok: true, conflicts: 1, added: 1 });
    const errors = await getLocationErrors(t.db, second.location.id);
    expect(errors.map((e) => [e.code, e.entityRef])).toEqual([["CONFLICT", "component:default/checkout"]]);
    expect((await getEntityByRef(t.db, "component:checkout"))?.metadata.description).toBe(
      "The storefront checkout flow",
    );

    // Orphan checkout in the first location; the second still may not claim it.
    await writeFile(path.join(dir, "services/checkout.yaml"), "");
    await refreshLocation(t.db, first.location.id, { reader });
    await refreshLocation(t.db, second.location.id, { reader });
    const checkout = await t.query<{ orphan: boolean; location_id: string }>(
      "SELECT orphan, location_id::text FROM catalog_entities WHERE ref = 'component:default/checkout'",
    );
    expect(checkout).toEqual([{ orphan: true, location_id: first.location.id }]);

    expect(await removeLocation(t.db, second.location.id)).toBe(true);
    expect(await getEntityByRef(t.db, "component:checkout")).not.toBeNull();
  });

  it("loses nothing when storing a refresh fails, and keeps entities of unreadable files", async () => {
    const { location } = await ingestFromDirectory(t.db, dir);
    const before = await refs();
    // Postgres jsonb rejects NUL characters: the write fails half-way through the transaction.
    await writeFile(
      path.join(dir, "systems.yaml"),
      `${await readFile(path.join(dir, "systems.yaml"), "utf8")}---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: broken\n  description: "nul \\0 here"\nspec:\n  owner: x\n`,
    );
    await rm(path.join(dir, "org.yaml"));
    const result = await refreshLocation(t.db, location.id, { reader });
    expect(result.ok).toBe(false);
    expect(await refs()).toEqual(before);
    expect((await t.query("SELECT 1 FROM catalog_entities WHERE orphan")).length).toBe(0);
    const errors = await getLocationErrors(t.db, location.id);
    expect(errors.map((e) => e.code)).toContain("NOT_FOUND");
    expect(errors.at(-1)?.message).toMatch(/nothing was changed/);

    // Without the poison document the missing file's entities are kept, not orphaned.
    await writeFile(
      path.join(dir, "systems.yaml"),
      await readFile(path.join(FIXTURE, "systems.yaml"), "utf8"),
    );
    const ok = await refreshLocation(t.db, location.id, { reader });
    expect(ok).toMatchObject({ ok: true, orphaned: 0 });
    expect(await refs()).toEqual(before);
  });

  it("detects Location cycles and analyzes without writing", async () => {
    await writeFile(
      path.join(dir, "loop.yaml"),
      "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: loop\nspec:\n  target: ./catalog-info.yaml\n",
    );
    const root = path.join(dir, "catalog-info.yaml");
    await writeFile(root, `${await readFile(root, "utf8")}    - ./loop.yaml\n`);
    const analysis = await analyzeLocation(t.db, { type: "file", target: root }, { reader });
    expect(analysis.errors.map((e) => e.code)).toEqual(["VALIDATION", "VALIDATION", "LOCATION_CYCLE"]);
    expect(analysis.existingEntityFiles.map((f) => f.entity.metadata.name)).toContain("payments");
    expect(analysis.existingEntityFiles.every((f) => !f.isRegistered)).toBe(true);
    expect(await t.query("SELECT 1 FROM catalog_entities")).toEqual([]);
  });

  it("rejects files over the size limit with PAYLOAD_TOO_LARGE", async () => {
    const { location } = await ingestFromDirectory(t.db, dir, { maxBytes: 300 });
    const codes = (await getLocationErrors(t.db, location.id)).map((e) => e.code);
    expect(codes).toContain("PAYLOAD_TOO_LARGE");
  });
});
