import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/catalog/register/route";
import { GET as lintRoute } from "@/app/api/scaffolder/v2/templates/[namespace]/[kind]/[name]/lint/route";
import { sourceFieldOrder } from "@/app/create/templates/[namespace]/[name]/field-order";
import { getLocationErrors } from "@/lib/catalog/ingest/locations";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("scaffolder-registration-lint", { PORTICO_SCAFFOLDER_CONCURRENCY: "0" });
});

afterAll(async () => {
  await app?.stop();
});

const TEMPLATE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: unrelated
spec:
  type: service
  lifecycle: production
  owner: team-a
---
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: lint-me
spec:
  type: service
  owner: team-a
  parameters:
    - title: Basics
      properties:
        name:
          type: string
  steps:
    - id: fetch
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
    - id: wait
      action: debug:wait
      input:
        seconds: soon
    - id: deploy
      action: deploy:magic
      input:
        target: \${{ parameters.colour }}
`;

const post = (body: unknown, dryRun: boolean) =>
  new Request(`http://localhost/api/catalog/register?dryRun=${dryRun}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("Template lint when a template enters the catalog", () => {
  it("stores the entity and reports unknown actions, bad inputs, undefined variables and unparseable skeleton files with lines", async () => {
    const dir = path.join(app.dataDir, "catalog", "lint-me");
    await mkdir(path.join(dir, "skeleton"), { recursive: true });
    await writeFile(path.join(dir, "template.yaml"), TEMPLATE);
    await writeFile(
      path.join(dir, "skeleton", "catalog-info.yaml"),
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\n  description: ${{ values.description }}\n  tags: [a, b\nspec: {}\n",
    );
    const target = path.join(dir, "template.yaml");
    const created = await createLocation(catalogDeps(), { type: "file", target }, { dryRun: false });
    expect(created.entities.map((e) => e.metadata.name)).toEqual(
      expect.arrayContaining(["lint-me", "unrelated"]),
    );

    const errors = await getLocationErrors(catalogDeps().db, created.location.id);
    const lint = errors.filter((e) => e.code === "TEMPLATE_LINT");
    const find = (needle: string) => lint.find((e) => e.message.includes(needle));
    expect(find('Action "deploy:magic" is not registered')).toMatchObject({
      file: `file:${target}`,
      line: 34,
      entityRef: "template:default/lint-me",
      documentIndex: 1,
    });
    expect(find("input.seconds")).toMatchObject({ line: 32 });
    expect(find("parameters.colour")).toMatchObject({ line: 36 });
    expect(find("values.description")).toMatchObject({
      file: `file:${path.join(dir, "skeleton/catalog-info.yaml")}`,
      line: 5,
    });
    expect(find("not valid YAML")).toMatchObject({
      file: `file:${path.join(dir, "skeleton/catalog-info.yaml")}`,
    });
    // The Component in the same file is untouched by template lint.
    expect(lint.every((e) => e.entityRef === "template:default/lint-me")).toBe(true);
  });

  it("returns the findings in the register response (pasted YAML, dry run and import)", async () => {
    for (const dryRun of [true, false]) {
      const res = await register(post({ yaml: TEMPLATE.replace("lint-me", `pasted-${dryRun}`) }, dryRun));
      expect(res.status).toBeLessThan(300);
      const body = (await res.json()) as { errors: { code: string; message: string; line?: number }[] };
      const lint = body.errors.filter((e) => e.code === "TEMPLATE_LINT");
      expect(lint.map((e) => e.message).join("\n")).toContain("deploy:magic");
      expect(lint.find((e) => e.message.includes("deploy:magic"))?.line).toBe(34);
    }
  });

  it("finds nothing wrong with the shipped templates", async () => {
    const created = await createLocation(
      catalogDeps(),
      { type: "file", target: path.resolve("templates/catalog-info.yaml") },
      { dryRun: false },
    );
    const errors = await getLocationErrors(catalogDeps().db, created.location.id);
    expect(errors).toEqual([]);
  });

  it("the wizard gets the author's field order for pasted-YAML templates too (jsonb reorders keys)", async () => {
    const yaml = TEMPLATE.replace("lint-me", "ordered").replace(
      "        name:\n          type: string\n",
      "        zeta_long_name:\n          type: string\n        a:\n          type: string\n        mid:\n          type: string\n",
    );
    expect((await register(post({ yaml }, false))).status).toBeLessThan(300);
    const entity = await getEntityByRef(catalogDeps().db, "template:default/ordered");
    if (!entity) throw new Error("not registered");
    const stored = (entity.spec as { parameters: { properties: Record<string, unknown> }[] }).parameters[0];
    expect(Object.keys(stored.properties)).not.toEqual(["zeta_long_name", "a", "mid"]);
    expect(await sourceFieldOrder(entity)).toEqual([["zeta_long_name", "a", "mid"]]);
  });

  it("GET v2/templates/…/lint lints the catalog template now, with lines from its source file", async () => {
    const call = (name: string) =>
      lintRoute(new Request(`http://localhost/api/scaffolder/v2/templates/default/template/${name}/lint`), {
        params: Promise.resolve({ namespace: "default", kind: "template", name }),
      });
    const res = await call("lint-me");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      entityRef: string;
      warnings: { code: string; line?: number; file: string }[];
    };
    expect(body.entityRef).toBe("template:default/lint-me");
    expect(body.warnings).toContainEqual(
      expect.objectContaining({ code: "unknown_action", line: 34, file: "template.yaml" }),
    );
    expect(body.warnings).toContainEqual(
      expect.objectContaining({ code: "unparseable_output", file: "skeleton/catalog-info.yaml" }),
    );
    expect((await call("no-such-template")).status).toBe(404);
  });
});
