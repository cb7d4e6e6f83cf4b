import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, writeTree } from "@/bench/catalog";
import { createFileReader } from "@/lib/catalog/ingest/file-reader";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { refreshLocation, removeLocation } from "@/lib/catalog/ingest/locations";
import { RELATION_PAIRS } from "@/lib/catalog/model/relations";
import { entityJsonByRef, getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

// Every entity's stored body (catalog_final_entities, rebuilt at commit by triggers) must be
// what the relations table says right now: by-name sends the value of the entity read with its
// relations computed per request, in the bytes JSON.stringify prints for it (numbers and
// integer-like keys aside, see SAME_VALUE_OTHER_BYTES), after every kind of write. Runs on
// PGlite, or on TEST_DATABASE_URL's server.

let t: CatalogTestDb;
let dir: string;
let extraDir: string;

/** One of every relation type (and its inverse), in a second location. */
const EXTRA = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: parent-team }
spec: { type: team, children: [child-team], members: [ada] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: child-team }
spec: { type: team, parent: parent-team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ada }
spec: { memberOf: [child-team] }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: payments-domain }
spec: { owner: parent-team }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: ledger }
spec: { owner: child-team, domain: payments-domain }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ledger-api }
spec: { type: openapi, lifecycle: production, owner: child-team, system: ledger, definition: "openapi: 3.0.0" }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger-service
  title: "Ledger \\"core\\" ✓"
  description: "a back\\\\slash, \\"quotes\\",  two  spaces,\\ttab, {braces: [x, y]}, line\\nbreak"
  annotations: { "example.com/empty": "", "example.com/json": "{\\"a\\": 1, \\"b\\": [1, 2]}" }
spec:
  type: service
  lifecycle: production
  owner: user:ada
  system: ledger
  subcomponentOf: ledger-worker
  providesApis: [ledger-api]
  consumesApis: [ledger-api]
  dependsOn: [resource:ledger-db, component:missing-thing]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger-worker }
spec: { type: worker, lifecycle: production, owner: child-team, dependencyOf: [component:ledger-service] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: ledger-db }
spec: { type: database, owner: child-team, system: ledger }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: odd-numbers }
spec: { type: queue, owner: child-team, limits: { a: 1.0, b: 1e100, c: 1.5e-7, d: -0.0 }, byCode: { b: 1, "10": 2, "2": 3 } }
`;

/**
 * PostgreSQL prints these as stored (1.0, 1e100 in full) and orders integer-like keys as text,
 * where JS prints 1, 1e+100 and puts integer keys first: the same values in other bytes.
 */
const SAME_VALUE_OTHER_BYTES = new Set(["resource:default/odd-numbers"]);

async function allRefs(): Promise<string[]> {
  return (await t.query<{ ref: string }>("SELECT ref FROM catalog_entities ORDER BY ref")).map((r) => r.ref);
}

/** Every entity's stored body, compacted, is what the computed path serialises; no stray bodies. */
async function expectBodiesCurrent() {
  const refs = await allRefs();
  const bodies = await t.query<{ ref: string }>("SELECT ref FROM catalog_final_entities ORDER BY ref");
  expect(bodies.map((b) => b.ref)).toEqual(refs);
  for (const ref of refs) {
    const stored = Buffer.from((await entityJsonByRef(t.db, ref)) as Uint8Array).toString("utf8");
    const computed = await getEntityByRef(t.db, ref);
    expect(JSON.parse(stored), ref).toEqual(computed);
    if (!SAME_VALUE_OTHER_BYTES.has(ref)) expect(stored, ref).toBe(JSON.stringify(computed));
  }
  expect(await t.query("SELECT * FROM catalog_stitch_pending")).toEqual([]);
  expect(await t.query("SELECT * FROM catalog_stitch_requests")).toEqual([]);
}

const refresh = async (target: string) => {
  const [location] = await t.query<{ id: string }>(
    "SELECT id::text AS id FROM catalog_locations WHERE target = $1",
    [target],
  );
  const reader = createFileReader({ allowedRoots: [dir, extraDir] });
  return refreshLocation(t.db, location.id, { reader });
};

beforeAll(async () => {
  t = await startCatalogTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "final-entities-"));
  extraDir = await mkdtemp(path.join(os.tmpdir(), "final-entities-extra-"));
  await writeTree(dir, generate(300));
  expect((await ingestFromDirectory(t.db, dir)).result.ok).toBe(true);
  await writeFile(path.join(extraDir, "catalog-info.yaml"), EXTRA);
  expect((await ingestFromDirectory(t.db, extraDir)).result.ok).toBe(true);
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(extraDir, { recursive: true, force: true });
  await t?.stop();
});

describe("stored entity bodies (catalog_final_entities)", () => {
  it("hold every entity with its relations in both directions after an import", async () => {
    await expectBodiesCurrent();
    const types = new Set(
      (
        await t.query<{ type: string }>(
          `SELECT DISTINCT j->>'type' AS type FROM catalog_final_entities, json_array_elements((body::json)->'relations') j`,
        )
      ).map((r) => r.type),
    );
    // Both directions of every pair, so the migration's inverse table is checked against RELATION_PAIRS.
    for (const pair of RELATION_PAIRS) for (const type of pair) expect(types, type).toContain(type);
  }, 120_000);

  it("follow a refresh that moves relations: the old and the new target are both rebuilt", async () => {
    const changed = EXTRA.replace("owner: user:ada", "owner: parent-team").replace(
      "consumesApis: [ledger-api]",
      "consumesApis: []",
    );
    await writeFile(path.join(extraDir, "catalog-info.yaml"), changed);
    expect((await refresh(path.join(extraDir, "catalog-info.yaml"))).ok).toBe(true);
    const ada = JSON.parse(
      Buffer.from((await entityJsonByRef(t.db, "user:default/ada")) as Uint8Array).toString(),
    );
    expect(ada.relations).not.toContainEqual({
      type: "ownerOf",
      targetRef: "component:default/ledger-service",
    });
    const team = JSON.parse(
      Buffer.from((await entityJsonByRef(t.db, "group:default/parent-team")) as Uint8Array).toString(),
    );
    expect(team.relations).toContainEqual({ type: "ownerOf", targetRef: "component:default/ledger-service" });
    await expectBodiesCurrent();
  }, 120_000);

  it("follow orphaning, an entity created after the relations that name it, and deletes", async () => {
    const trimmed = EXTRA.split("---\n")
      .filter((doc) => !doc.includes("name: ledger-worker"))
      .join("---\n");
    await writeFile(path.join(extraDir, "catalog-info.yaml"), trimmed);
    expect((await refresh(path.join(extraDir, "catalog-info.yaml"))).ok).toBe(true);
    await expectBodiesCurrent();
    // component:missing-thing is named by ledger-service's dependsOn before it exists.
    await writeFile(
      path.join(extraDir, "catalog-info.yaml"),
      `${EXTRA}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: missing-thing }\nspec: { type: library, lifecycle: production, owner: child-team }\n`,
    );
    expect((await refresh(path.join(extraDir, "catalog-info.yaml"))).ok).toBe(true);
    const missing = JSON.parse(
      Buffer.from((await entityJsonByRef(t.db, "component:default/missing-thing")) as Uint8Array).toString(),
    );
    expect(missing.relations).toContainEqual({
      type: "dependencyOf",
      targetRef: "component:default/ledger-service",
    });
    await t.query("DELETE FROM catalog_entities WHERE ref = 'group:default/child-team'");
    await expectBodiesCurrent();
  }, 120_000);

  it("are untouched by a write that rolls back, and rebuilt when the relations are truncated", async () => {
    const before = await t.query("SELECT ref, body FROM catalog_final_entities ORDER BY ref");
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("DELETE FROM catalog_relations WHERE source_ref LIKE 'component:%'");
        await tx.$executeRawUnsafe("UPDATE catalog_entities SET entity = entity || '{\"x\": 1}'::jsonb");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await t.query("SELECT ref, body FROM catalog_final_entities ORDER BY ref")).toEqual(before);
    await t.query("TRUNCATE catalog_relations");
    await expectBodiesCurrent();
    const [row] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog_final_entities WHERE body NOT LIKE '%"relations":[]}'`,
    );
    expect(row.n).toBe(0);
  }, 120_000);

  it("go with their location", async () => {
    const [location] = await t.query<{ id: string }>(
      "SELECT id::text AS id FROM catalog_locations WHERE target = $1",
      [path.join(extraDir, "catalog-info.yaml")],
    );
    expect(await removeLocation(t.db, location.id)).toBe(true);
    await expectBodiesCurrent();
  }, 120_000);
});
