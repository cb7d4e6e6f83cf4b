import { cp, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as analyze } from "@/app/api/catalog/analyze-location/route";
import { GET as byUid, DELETE as deleteByUid } from "@/app/api/catalog/entities/by-uid/[uid]/route";
import { GET as listEntities } from "@/app/api/catalog/entities/route";
import { GET as locationErrors } from "@/app/api/catalog/locations/[id]/errors/route";
import { DELETE as deleteLocation, GET as getLocation } from "@/app/api/catalog/locations/[id]/route";
import { GET as byEntity } from "@/app/api/catalog/locations/by-entity/[kind]/[namespace]/[name]/route";
import { POST as createLocation, GET as listLocations } from "@/app/api/catalog/locations/route";
import { POST as refresh } from "@/app/api/catalog/refresh/route";
import { POST as registerRoute } from "@/app/api/catalog/register/route";
import { POST as validate } from "@/app/api/catalog/validate-entity/route";
import type { Entity } from "@/lib/catalog/model/types";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;
let dataDir: string;
let treeDir: string;
let yamlServer: http.Server;
let yamlHost: string;
const served = new Map<string, string>();

const setEnv = (values: Record<string, string | undefined>) => app.setEnv(values);

beforeAll(async () => {
  yamlServer = http.createServer((req, res) => {
    const body = served.get(req.url ?? "");
    if (body === undefined) res.writeHead(404).end("no");
    else res.writeHead(200, { "content-type": "text/yaml" }).end(body);
  });
  await new Promise<void>((r) => yamlServer.listen(0, "127.0.0.1", r));
  yamlHost = `127.0.0.1:${(yamlServer.address() as AddressInfo).port}`;
  app = await startAppEnvironment("catalog-loc", {
    PORTICO_CATALOG_URL_ALLOWLIST: yamlHost,
    PORTICO_CATALOG_ALLOW_PRIVATE_URLS: "true",
  });
  dataDir = app.dataDir;
  treeDir = path.join(dataDir, "catalog", "tree");
  await cp(path.resolve("tests/fixtures/catalog/tree"), treeDir, { recursive: true });
});

afterAll(async () => {
  await new Promise((r) => yamlServer?.close(r));
  await app?.stop();
});

const req = (method: string, p: string, body?: unknown) =>
  new Request(`http://localhost/api/catalog${p}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const segment = <P>(params: P) => ({ params: Promise.resolve(params) });
const entityNamed = async (name: string) =>
  ((await (await listEntities(req("GET", `/entities?filter=metadata.name=${name}`))).json()) as Entity[])[0];

describe("locations", () => {
  const root = () => path.join(treeDir, "catalog-info.yaml");
  let locationId = "";

  it("dry-runs a file location without writing anything", async () => {
    const res = await createLocation(req("POST", "/locations?dryRun=true", { type: "file", target: root() }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.exists).toBe(false);
    expect(body.location).toEqual({ id: `file:${root()}`, type: "file", target: root() });
    const kinds = body.entities.map((e: Entity) => e.kind);
    expect(kinds[0]).toBe("Location");
    expect(kinds).toContain("Component");
    expect(await (await listEntities(req("GET", "/entities"))).json()).toEqual([]);
  });

  it("creates it (201 with the stored entities), then 409s, then refreshes on onConflict=refresh", async () => {
    const res = await createLocation(req("POST", "/locations", { type: "file", target: root() }));
    expect(res.status).toBe(201);
    const body = await res.json();
    locationId = body.location.id;
    expect(body.location).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: "file",
      target: root(),
    });
    expect(body.entities.map((e: Entity) => e.metadata.name)).toContain("payments");
    expect(body.entities.every((e: Entity) => typeof e.metadata.uid === "string")).toBe(true);

    const again = await createLocation(req("POST", "/locations", { type: "file", target: root() }));
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ name: "ConflictError", code: "conflict" });

    const refreshed = await createLocation(
      req("POST", "/locations?onConflict=refresh", { type: "file", target: root() }),
    );
    expect(refreshed.status).toBe(201);
    expect((await refreshed.json()).exists).toBe(true);
  });

  it("lists locations in Backstage's `{ data }` wrapper and finds them by id and by entity", async () => {
    const list = await (await listLocations(req("GET", "/locations"))).json();
    expect(list).toEqual([{ data: { id: locationId, type: "file", target: root() } }]);
    const one = await getLocation(req("GET", `/locations/${locationId}`), segment({ id: locationId }));
    expect(await one.json()).toEqual({ id: locationId, type: "file", target: root() });
    const viaEntity = await byEntity(
      req("GET", "/locations/by-entity/component/default/payments"),
      segment({ kind: "component", namespace: "default", name: "payments" }),
    );
    expect((await viaEntity.json()).id).toBe(locationId);
    const errors = await (
      await locationErrors(req("GET", `/locations/${locationId}/errors`), segment({ id: locationId }))
    ).json();
    expect(errors.location.status).toBe("warning");
    expect(
      errors.errors.some(
        (e: { code: string; documentIndex?: number }) => e.code === "VALIDATION" && e.documentIndex === 1,
      ),
    ).toBe(true);
  });

  it("refuses files outside the catalog directories and unknown types with 4xx", async () => {
    const outside = await createLocation(req("POST", "/locations", { type: "file", target: "/etc/hosts" }));
    expect(outside.status).toBe(400);
    expect((await outside.json()).error.code).toBe("location_forbidden");
    const weird = await createLocation(req("POST", "/locations", { type: "gopher", target: "x" }));
    expect(weird.status).toBe(400);
    const missing = await createLocation(
      req("POST", "/locations", { type: "file", target: path.join(treeDir, "nope.yaml") }),
    );
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ name: "NotFoundError", code: "location_not_found" });
  });

  it("POST /refresh re-reads the entity's location (200) and picks up edits", async () => {
    const file = path.join(treeDir, "services", "payments.yaml");
    const original = await readFile(file, "utf8");
    await writeFile(file, original.replace("Charges cards and issues refunds", "Charges cards, edited"));
    const res = await refresh(req("POST", "/refresh", { entityRef: "component:default/payments" }));
    expect(res.status).toBe(200);
    expect((await res.json()).updated).toBeGreaterThanOrEqual(1);
    expect((await entityNamed("payments")).metadata.description).toBe("Charges cards, edited");
    const unknown = await refresh(req("POST", "/refresh", { entityRef: "component:default/ghost" }));
    expect(unknown.status).toBe(404);
    expect((await refresh(req("POST", "/refresh", {}))).status).toBe(400);
  });

  it("deletes orphans by uid (204) but refuses entities their location still emits (409)", async () => {
    const db = await entityNamed("payments-db");
    const uid = db.metadata.uid as string;
    expect((await deleteByUid(req("DELETE", `/entities/by-uid/${uid}`), segment({ uid }))).status).toBe(409);
    // Drop the resource from its file: the refresh orphans it, and then it may be deleted.
    const file = path.join(treeDir, "services", "payments.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, text.lastIndexOf("---")));
    await refresh(req("POST", "/refresh", { entityRef: "component:default/payments" }));
    const orphan = await byUid(req("GET", `/entities/by-uid/${uid}`), segment({ uid }));
    expect((await orphan.json()).metadata.annotations["backstage.io/orphan"]).toBe("true");
    expect((await deleteByUid(req("DELETE", `/entities/by-uid/${uid}`), segment({ uid }))).status).toBe(204);
    expect((await byUid(req("GET", `/entities/by-uid/${uid}`), segment({ uid }))).status).toBe(404);
    expect((await deleteByUid(req("DELETE", `/entities/by-uid/${uid}`), segment({ uid }))).status).toBe(404);
  });

  it("analyzes a location without registering anything new", async () => {
    const res = await analyze(
      req("POST", "/analyze-location", {
        location: { type: "file", target: treeDir },
        catalogFilename: "catalog-info.yaml",
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.generateEntities).toEqual([]);
    expect(
      body.existingEntityFiles.find((f: { entity: Entity }) => f.entity.metadata.name === "payments"),
    ).toMatchObject({
      isRegistered: true,
      location: { type: "file", target: path.join(treeDir, "services", "payments.yaml") },
    });
    expect((await analyze(req("POST", "/analyze-location", { location: {} }))).status).toBe(400);
  });

  it("deletes the location with its entities (204), then 404s", async () => {
    const res = await deleteLocation(req("DELETE", `/locations/${locationId}`), segment({ id: locationId }));
    expect(res.status).toBe(204);
    expect(await (await listEntities(req("GET", "/entities"))).json()).toEqual([]);
    expect(
      (await deleteLocation(req("DELETE", `/locations/${locationId}`), segment({ id: locationId }))).status,
    ).toBe(404);
    expect((await getLocation(req("GET", "/locations/nope"), segment({ id: "nope" }))).status).toBe(400);
  });
});

describe("URL locations", () => {
  const component = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n`;

  it("reads allowlisted hosts, and blocks private addresses unless allowed (SSRF)", async () => {
    served.set("/remote.yaml", component("remote-svc"));
    const target = `http://${yamlHost}/remote.yaml`;
    setEnv({ PORTICO_CATALOG_ALLOW_PRIVATE_URLS: undefined });
    const blocked = await createLocation(req("POST", "/locations", { type: "url", target }));
    expect(blocked.status).toBe(400);
    const body = await blocked.json();
    expect(body.error.code).toBe("location_forbidden");
    expect(body.error.message).toMatch(/private or loopback/);

    setEnv({ PORTICO_CATALOG_ALLOW_PRIVATE_URLS: "true" });
    const ok = await createLocation(req("POST", "/locations", { type: "url", target }));
    expect(ok.status).toBe(201);
    const created = (await ok.json()).entities as Entity[];
    expect(created.map((e) => e.kind)).toEqual(["Component", "Location"]);
    expect(created[0].metadata.name).toBe("remote-svc");

    const other = await createLocation(
      req("POST", "/locations", { target: "http://example.invalid/x.yaml" }),
    );
    expect(other.status).toBe(400);
    expect((await other.json()).error.message).toMatch(/not in the catalog's allowed hosts/);
  });
});

describe("POST /api/catalog/register", () => {
  const good = (name: string) =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n`;
  const bad =
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Not Valid!\nspec:\n  type: service\n";
  const yaml = `${good("pasted-one")}---\n${bad}---\n${good("pasted-two")}`;

  it("previews every entity and every error on a dry run, writing nothing", async () => {
    const res = await registerRoute(req("POST", "/register?dryRun=true", { yaml }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.dryRun).toBe(true);
    expect(body.exists).toBe(false);
    expect(
      body.entities.map((e: { entityRef: string; documentIndex: number }) => [e.entityRef, e.documentIndex]),
    ).toEqual([
      ["component:default/pasted-one", 0],
      ["component:default/pasted-two", 2],
    ]);
    const errors = body.errors as Array<{ file: string; documentIndex: number; path: string }>;
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((e) => e.documentIndex === 1 && e.file.startsWith("file:"))).toBe(true);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(["metadata.name", "spec.owner"]));
    expect(await entityNamed("pasted-one")).toBeUndefined();
  });

  it("imports the valid documents, returns and stores the errors, and refresh keeps working", async () => {
    const res = await registerRoute(req("POST", "/register", { yaml }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.result).toMatchObject({ added: 3, conflicts: 0 });
    expect(body.location.type).toBe("file");
    expect(body.location.target.startsWith(path.join(dataDir, "catalog", "pasted"))).toBe(true);
    expect(body.errors.length).toBeGreaterThanOrEqual(2);
    expect((await entityNamed("pasted-two")).metadata.name).toBe("pasted-two");
    const stored = await (await locationErrors(req("GET", ""), segment({ id: body.location.id }))).json();
    expect(stored.errors).toHaveLength(body.errors.length);

    expect(
      (await refresh(req("POST", "/refresh", { entityRef: "component:default/pasted-one" }))).status,
    ).toBe(200);

    // Replacing the paste's contents through locationId updates the same location.
    const replaced = await registerRoute(
      req("POST", "/register", { yaml: good("pasted-one"), locationId: body.location.id }),
    );
    expect(replaced.status).toBe(201);
    const r = await replaced.json();
    expect(r.location.id).toBe(body.location.id);
    expect(r.errors).toEqual([]);
    expect(r.result.orphaned).toBe(1);
  });

  it("names line and column of malformed YAML and refuses pastes over 1 MiB", async () => {
    const res = await registerRoute(
      req("POST", "/register", { yaml: "kind: Component\nmetadata: [unclosed\n" }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toMatch(/line \d+, column \d+/);
    expect(body.error.details).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });

    const huge = await registerRoute(
      req("POST", "/register", { yaml: `# ${"x".repeat(1024 * 1024)}\n${good("big")}` }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
  });

  it("registers a URL and validates the body", async () => {
    served.set("/reg.yaml", good("url-registered"));
    const preview = await registerRoute(
      req("POST", "/register?dryRun=true", { url: `http://${yamlHost}/reg.yaml` }),
    );
    expect((await preview.json()).entities[0].entityRef).toBe("component:default/url-registered");
    const imported = await registerRoute(req("POST", "/register", { url: `http://${yamlHost}/reg.yaml` }));
    expect(imported.status).toBe(201);
    expect((await registerRoute(req("POST", "/register", { url: "x", yaml: "y" }))).status).toBe(400);
    expect((await registerRoute(req("POST", "/register", {}))).status).toBe(400);
    const missing = await registerRoute(req("POST", "/register", { url: `http://${yamlHost}/missing.yaml` }));
    expect(missing.status).toBe(404);
  });
});

describe("POST /api/catalog/validate-entity", () => {
  it("answers 200 for a valid entity and Backstage's 400 `{ errors }` for an invalid one", async () => {
    const entity = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: { name: "ok" },
      spec: { type: "service", lifecycle: "production", owner: "x" },
    };
    expect(
      (await validate(req("POST", "/validate-entity", { entity, location: "url:https://x/y.yaml" }))).status,
    ).toBe(200);
    const res = await validate(
      req("POST", "/validate-entity", {
        entity: { ...entity, metadata: { name: "no way!" } },
        location: "url:x",
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ name: "InputError", path: "metadata.name" });
    const malformed = await validate(req("POST", "/validate-entity", { entity: "nope" }));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(["entity", "location"]),
    );
  });
});
