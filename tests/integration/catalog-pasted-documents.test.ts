import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEntities } from "@/app/api/catalog/entities/route";
import { DELETE as deleteLocation } from "@/app/api/catalog/locations/[id]/route";
import { POST as refresh } from "@/app/api/catalog/refresh/route";
import { POST as registerRoute } from "@/app/api/catalog/register/route";
import { registerLocation } from "@/lib/catalog/ingest/locations";
import type { Entity } from "@/lib/catalog/model/types";
import { importLegacyPastes, legacyPastedDirs } from "@/lib/catalog/pasted/import-legacy-pastes";
import { getPastedDocument } from "@/lib/catalog/pasted/pasted-documents";
import { type Db, getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;
const holder = globalThis as { __porticoDb?: Db };

beforeAll(async () => {
  app = await startAppEnvironment("pasted");
});
afterAll(async () => {
  await app?.stop();
});

const req = (method: string, p: string, body?: unknown) =>
  new Request(`http://localhost/api/catalog${p}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const component = (name: string, description = "v1") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n`;
const entityNamed = async (name: string) =>
  ((await (await listEntities(req("GET", `/entities?filter=metadata.name=${name}`))).json()) as Entity[])[0];
const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** A new server process: fresh Prisma client and config, another data directory. */
async function switchToNewProcess(dataDir: string): Promise<void> {
  await holder.__porticoDb?.$disconnect();
  holder.__porticoDb = undefined;
  app.setEnv({ PORTICO_DATA_DIR: dataDir });
}

describe("pasted YAML is stored in Postgres", () => {
  let locationId = "";
  let target = "";

  it("stores the paste in the database, not on disk", async () => {
    const res = await registerRoute(req("POST", "/register", { yaml: component("paste-a") }));
    expect(res.status).toBe(201);
    const body = await res.json();
    locationId = body.location.id;
    target = body.location.target;
    expect(body.location.type).toBe("file");
    expect(await getPastedDocument(getDb(), target)).toBe(component("paste-a"));
    expect(await exists(path.join(app.dataDir, "catalog", "pasted"))).toBe(false);
  });

  it("refreshes and updates from another process with another data dir (rebuild / replica B)", async () => {
    await rm(app.dataDir, { recursive: true, force: true });
    const other = await mkdtemp(path.join(tmpdir(), "portico-pasted-b-"));
    try {
      await switchToNewProcess(other);
      const r = await refresh(req("POST", "/refresh", { entityRef: "component:default/paste-a" }));
      expect(r.status).toBe(200);
      expect((await entityNamed("paste-a")).metadata.description).toBe("v1");

      const replaced = await registerRoute(
        req("POST", "/register", { yaml: component("paste-a", "v2"), locationId }),
      );
      expect(replaced.status).toBe(201);
      expect((await replaced.json()).location.id).toBe(locationId);
      expect((await entityNamed("paste-a")).metadata.description).toBe("v2");

      // And once more as a third process: the update is what every replica reads.
      await switchToNewProcess(app.dataDir);
      expect(
        (await refresh(req("POST", "/refresh", { entityRef: "component:default/paste-a" }))).status,
      ).toBe(200);
      expect((await entityNamed("paste-a")).metadata.description).toBe("v2");
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("deletes the stored document with its location", async () => {
    const res = await deleteLocation(req("DELETE", ""), { params: Promise.resolve({ id: locationId }) });
    expect(res.status).toBe(204);
    expect(await getPastedDocument(getDb(), target)).toBeNull();
  });
});

describe("legacy pasted files are imported on start", () => {
  it("imports files from the old directories, keeps location rows valid, and is idempotent", async () => {
    const appRoot = await mkdtemp(path.join(tmpdir(), "portico-legacy-root-"));
    const dataDir = path.join(appRoot, ".data");
    const standaloneDir = path.join(appRoot, ".next", "standalone", ".data", "catalog", "pasted");
    const dataPastedDir = path.join(dataDir, "catalog", "pasted");
    try {
      await mkdir(standaloneDir, { recursive: true });
      await mkdir(dataPastedDir, { recursive: true });
      // 1: a paste written inside the build output, its row pointing there.
      const inBuild = path.join(standaloneDir, "aaaa.yaml");
      await writeFile(inBuild, component("legacy-build"));
      // 2: a row pointing into the build output whose file only survives in the data dir.
      const moved = path.join(standaloneDir, "bbbb.yaml");
      await writeFile(path.join(dataPastedDir, "bbbb.yaml"), component("legacy-moved"));
      // 3: a row whose file is gone everywhere.
      const gone = path.join(standaloneDir, "cccc.yaml");
      const db = getDb();
      for (const t of [inBuild, moved, gone]) await registerLocation(db, { type: "file", target: t });

      const dirs = legacyPastedDirs(dataDir, appRoot);
      const first = await importLegacyPastes(db, dirs);
      expect(first.missing).toEqual([gone]);
      expect(await getPastedDocument(db, inBuild)).toBe(component("legacy-build"));
      expect(await getPastedDocument(db, moved)).toBe(component("legacy-moved"));

      // The next build deletes .next; the rows still refresh from the database.
      await rm(path.join(appRoot, ".next"), { recursive: true, force: true });
      const again = await importLegacyPastes(db, dirs);
      expect(again.imported).toBe(0);
      for (const name of ["legacy-build", "legacy-moved"]) {
        await registerLocation(db, { type: "file", target: name === "legacy-build" ? inBuild : moved });
        const r = await registerRoute(
          req("POST", "/register", {
            yaml: component(name, "edited"),
            locationId: (
              await db.$queryRawUnsafe<{ id: string }[]>(
                "SELECT id::text FROM catalog_locations WHERE target = $1",
                name === "legacy-build" ? inBuild : moved,
              )
            )[0].id,
          }),
        );
        expect(r.status).toBe(201);
        expect((await entityNamed(name)).metadata.description).toBe("edited");
      }
      // An edit is never overwritten by a later import of the old file.
      await writeFile(path.join(dataPastedDir, "bbbb.yaml"), component("legacy-moved", "stale"));
      await importLegacyPastes(db, dirs);
      expect(await getPastedDocument(db, moved)).toBe(component("legacy-moved", "edited"));
    } finally {
      await rm(appRoot, { recursive: true, force: true });
    }
  });
});
