import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLocation, getLocation } from "@/lib/catalog/ingest/locations";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation, refreshStoredLocation } from "@/lib/catalog/service/location-service";
import { getDb } from "@/lib/db/client";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { embeddedRepoDir } from "@/lib/scaffolder/git/embedded-repos";
import { scaffolderServices, startTask } from "@/lib/scaffolder/service";
import { getTask } from "@/lib/scaffolder/tasks/task-store";
import { TaskWorker } from "@/lib/scaffolder/tasks/worker";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { waitFor } from "../support/scaffolder/catalog-templates";

let env: AppEnvironment;
let worker: TaskWorker;
const clones: string[] = [];

beforeAll(async () => {
  env = await startAppEnvironment("scaffolder-templates", { PORTICO_SCAFFOLDER_CONCURRENCY: "0" });
  await createLocation(
    catalogDeps(),
    { type: "file", target: path.resolve("templates/catalog-info.yaml") },
    { dryRun: false },
  );
  worker = new TaskWorker({
    db: getDb(),
    registry: createActionRegistry(),
    services: scaffolderServices(),
    workerId: "templates-test",
    concurrency: 3,
    leaseMs: 10_000,
    pollMs: 200,
  });
  worker.start();
});

afterAll(async () => {
  await worker?.stop();
  for (const c of clones) await rm(c, { recursive: true, force: true });
  await env.stop();
});

const cases = [
  {
    template: "nextjs-app",
    name: "web-portal",
    expect: ["app/page.tsx", "Dockerfile", ".github/workflows/ci.yaml", "deploy/base/deployment.yaml"],
  },
  {
    template: "typescript-service",
    name: "route-planner",
    expect: [
      "src/server.ts",
      "Dockerfile",
      ".github/workflows/ci.yaml",
      "deploy/overlays/prod/kustomization.yaml",
    ],
  },
  {
    template: "fastapi-service",
    name: "eta-predictor",
    expect: [
      "app/main.py",
      "tests/test_main.py",
      "Dockerfile",
      ".github/workflows/ci.yaml",
      "deploy/base/service.yaml",
    ],
  },
];

describe("shipped templates, end to end into the embedded git publisher", () => {
  it.each(cases)(
    "$template: publishes, clones and appears in the catalog",
    async ({ template, name, expect: files }) => {
      const id = await startTask({
        templateRef: `template:default/${template}`,
        values: {
          name,
          owner: "group:default/platform-team",
          repoUrl: `portico.local?owner=larkspur&repo=${name}`,
        },
        secrets: {},
      });
      const task = await waitFor(async () => {
        const t = await getTask(getDb(), id);
        return t && ["completed", "failed", "cancelled"].includes(t.status) ? t : undefined;
      }, 60_000);
      expect(task.error).toBeUndefined();
      expect(task.status).toBe("completed");
      expect(task.steps.map((s) => s.status)).toEqual(["completed", "completed", "skipped", "completed"]);
      const links = (task.output?.links ?? []) as { url?: string; entityRef?: string }[];
      expect(links[1].entityRef).toBe(`component:default/${name}`);

      // Clone the published repository with the real git CLI.
      const clone = await mkdtemp(path.join(tmpdir(), `clone-${name}-`));
      clones.push(clone);
      execFileSync("git", ["clone", "-q", embeddedRepoDir(env.dataDir, "larkspur", name), clone]);
      for (const f of files) await stat(path.join(clone, f));
      const info = await readFile(path.join(clone, "catalog-info.yaml"), "utf8");
      expect(info).toContain(`backstage.io/source-template: template:default/${template}`);
      expect(execFileSync("git", ["-C", clone, "log", "--format=%s"]).toString().trim()).toBe(
        "Initial commit",
      );

      // The catalog reads the entity from the repository and keeps refreshing from it.
      const entity = await getEntityByRef(catalogDeps().db, `component:default/${name}`);
      expect(entity?.spec?.owner).toBe("group:default/platform-team");
      expect(entity?.metadata.annotations?.["backstage.io/source-template"]).toBe(
        `template:default/${template}`,
      );
      expect(
        JSON.parse(entity?.metadata.annotations?.["portico.dev/source-template-values"] ?? "{}"),
      ).toMatchObject({ name });
      expect(entity?.metadata.annotations?.["backstage.io/managed-by-location"]).toMatch(
        /^git:.*larkspur\/.*\.git\/blob\/main\/catalog-info\.yaml$/,
      );
    },
  );

  it("a later push to the repository reaches the catalog on refresh", async () => {
    const name = "route-planner";
    const clone = clones.find((c) => c.includes(name)) as string;
    const file = path.join(clone, "catalog-info.yaml");
    const text = (await readFile(file, "utf8")).replace(
      'lifecycle: "experimental"',
      'lifecycle: "production"',
    );
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, text);
    execFileSync("git", [
      "-C",
      clone,
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@x",
      "commit",
      "-qam",
      "promote",
    ]);
    execFileSync("git", ["-C", clone, "push", "-q", "origin", "main"]);
    const target = `${embeddedRepoDir(env.dataDir, "larkspur", name)}/blob/main/catalog-info.yaml`;
    const loc = await findLocation(catalogDeps().db, { type: "git", target });
    expect(loc).toBeTruthy();
    const stored = await getLocation(catalogDeps().db, loc?.id as string);
    await refreshStoredLocation(catalogDeps(), stored as NonNullable<typeof stored>);
    const entity = await getEntityByRef(catalogDeps().db, `component:default/${name}`);
    expect(entity?.spec?.lifecycle).toBe("production");
  });

  it("refuses to publish over an existing repository", async () => {
    const id = await startTask({
      templateRef: "template:default/typescript-service",
      values: {
        name: "route-planner",
        owner: "group:default/platform-team",
        repoUrl: "portico.local?owner=larkspur&repo=route-planner",
      },
      secrets: {},
    });
    const t = await waitFor(async () => {
      const x = await getTask(getDb(), id);
      return x && ["completed", "failed"].includes(x.status) ? x : undefined;
    }, 60_000);
    expect(t.status).toBe("failed");
    expect(t.error).toMatch(/already exists/);
  });
});
