import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileReader } from "@/lib/catalog/ingest/file-reader";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { refreshLocation, type StoredLocation } from "@/lib/catalog/ingest/locations";
import { type EntityAncestry, getEntityAncestry } from "@/lib/catalog/queries/get-entity-ancestry";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

/**
 * root catalog-info.yaml: Location root-loc -> [a.yaml, b.yaml], Component top
 * a.yaml: Location loc-a -> shared.yaml;  b.yaml: Location loc-b -> shared.yaml
 * shared.yaml: Component leaf, Component twig
 * So leaf has two processing parents, and its chain reaches the generated Location entity twice.
 */
const doc = (kind: string, name: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const component = (name: string) =>
  doc("Component", name, "  type: service\n  lifecycle: production\n  owner: team-x\n");

let t: CatalogTestDb;
let dir: string;
let location: StoredLocation;

async function write(file: string, ...docs: string[]) {
  await writeFile(path.join(dir, file), docs.join("---\n"));
}

const summary = (a: EntityAncestry | null) =>
  a?.items.map((i) => [`${i.entity.kind.toLowerCase()}:${i.entity.metadata.name}`, i.parentEntityRefs]);

beforeAll(async () => {
  t = await startCatalogTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "catalog-ancestry-"));
  await write(
    "catalog-info.yaml",
    doc("Location", "root-loc", "  targets: [./a.yaml, ./b.yaml]\n"),
    component("top"),
  );
  await write("a.yaml", doc("Location", "loc-a", "  target: ./shared.yaml\n"));
  await write("b.yaml", doc("Location", "loc-b", "  targets: [./shared.yaml]\n"));
  await write("shared.yaml", component("leaf"), component("twig"));
  const ingested = await ingestFromDirectory(t.db, dir);
  expect(ingested.result.ok).toBe(true);
  location = ingested.location;
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("entity ancestry (Backstage's processing parents)", () => {
  it("follows every Location entity that emitted the file, root first, depth-first like Backstage", async () => {
    const generated = location.entityRef;
    const ancestry = await getEntityAncestry(t.db, { kind: "Component", namespace: "default", name: "leaf" });
    expect(ancestry?.rootEntityRef).toBe("component:default/leaf");
    expect(summary(ancestry)).toEqual([
      ["component:leaf", ["location:default/loc-a", "location:default/loc-b"]],
      ["location:loc-b", ["location:default/root-loc"]],
      ["location:root-loc", [generated]],
      [`location:${generated.split("/")[1]}`, []],
      ["location:loc-a", ["location:default/root-loc"]],
    ]);
    // Entities as stored, with relations, as by-name returns them.
    expect(ancestry?.items[0].entity.relations).toContainEqual({
      type: "ownedBy",
      targetRef: "group:default/team-x",
    });
    expect(ancestry?.items[0].entity.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives entities of the root file the generated Location entity, which itself has no parent", async () => {
    const top = await getEntityAncestry(t.db, { kind: "COMPONENT", namespace: "Default", name: "Top" });
    expect(top?.rootEntityRef).toBe("component:default/top");
    expect(summary(top)).toEqual([
      ["component:top", [location.entityRef]],
      [`location:${location.entityRef.split("/")[1]}`, []],
    ]);
    const [, name] = location.entityRef.split("/");
    const generated = await getEntityAncestry(t.db, { kind: "location", name });
    expect(summary(generated)).toEqual([[`location:${name}`, []]]);
  });

  it("answers null for a missing entity, and only the root for an orphan", async () => {
    expect(
      await getEntityAncestry(t.db, { kind: "component", namespace: "default", name: "nope" }),
    ).toBeNull();
    await write("shared.yaml", component("leaf"));
    const refreshed = await refreshLocation(t.db, location.id, {
      reader: createFileReader({ allowedRoots: [dir] }),
    });
    expect(refreshed.ok && refreshed.orphaned).toBe(1);
    const twig = await getEntityAncestry(t.db, { kind: "component", namespace: "default", name: "twig" });
    expect(twig?.items).toHaveLength(1);
    expect(twig?.items[0].parentEntityRefs).toEqual([]);
    expect(twig?.items[0].entity.metadata.annotations?.["backstage.io/orphan"]).toBe("true");
    // The one still emitted keeps its chain.
    const leaf = await getEntityAncestry(t.db, { kind: "component", namespace: "default", name: "leaf" });
    expect(leaf?.items).toHaveLength(5);
  });
});
