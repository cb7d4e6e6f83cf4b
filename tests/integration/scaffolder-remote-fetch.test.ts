import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { dryRunWithContents } from "@/lib/scaffolder/dry-run";
import { parseTemplate } from "@/lib/scaffolder/model/template";
import { runTemplate } from "@/lib/scaffolder/runner/run-template";
import { scaffolderRegistry, scaffolderServices } from "@/lib/scaffolder/service";
import { findTemplate } from "@/lib/scaffolder/templates-source/find-template";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { type FakeGithub, startFakeGithub } from "../support/scaffolder/fake-github";

let gh: FakeGithub;
let app: AppEnvironment;
let host: string;

const TEMPLATE = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: remote-svc
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
`;

beforeAll(async () => {
  gh = await startFakeGithub();
  host = new URL(gh.apiUrl).host;
  // A repository on the fake host holding a template folder and a docs folder.
  const work = await mkdtemp(path.join(tmpdir(), "remote-fetch-src-"));
  await mkdir(path.join(work, "svc", "skeleton"), { recursive: true });
  await mkdir(path.join(work, "docs"), { recursive: true });
  await writeFile(path.join(work, "svc", "template.yaml"), TEMPLATE);
  await writeFile(path.join(work, "svc", "skeleton", "README.md"), "# ${{ values.name }}\n");
  await writeFile(path.join(work, "svc", "skeleton", "run.sh"), "#!/bin/sh\necho ${{ values.name }}\n");
  await chmod(path.join(work, "svc", "skeleton", "run.sh"), 0o755);
  await writeFile(path.join(work, "docs", "guide.md"), "Read me ${{ not rendered }}\n");
  const bare = gh.repoDir("acme", "templates");
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", bare]);
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", work, "-c", "user.name=t", "-c", "user.email=t@t", ...args]);
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-qm", "seed");
  git("push", "-q", bare, "main");
  await rm(work, { recursive: true, force: true });
  app = await startAppEnvironment("scaffolder-remote-fetch", {
    PORTICO_SCAFFOLDER_CONCURRENCY: "0",
    PORTICO_CATALOG_URL_ALLOWLIST: host,
    PORTICO_CATALOG_ALLOW_PRIVATE_URLS: "true",
  });
});

afterAll(async () => {
  await app?.stop();
  await gh?.close();
});

async function run(steps: unknown[], options: { allowedHosts: string[]; baseUrl?: string }) {
  const workspace = await mkdtemp(path.join(tmpdir(), "remote-fetch-ws-"));
  const result = await runTemplate({
    template: parseTemplate({
      apiVersion: "scaffolder.backstage.io/v1beta3",
      kind: "Template",
      metadata: { name: "remote" },
      spec: { steps, parameters: { properties: { name: { type: "string" } } } },
    }),
    values: { name: "orders" },
    secrets: {},
    user: { ref: "user:default/guest" },
    taskId: "t",
    workspacePath: workspace,
    templateInfo: { entityRef: "template:default/remote", baseUrl: options.baseUrl },
    registry: createActionRegistry(),
    services: {
      dataDir: workspace,
      fetch: { allowedHosts: options.allowedHosts, allowPrivateNetwork: true },
      integrationTokens: { [host]: gh.token },
    },
    isDryRun: false,
    signal: new AbortController().signal,
  });
  return { result, workspace };
}

describe("fetch:* with remote repository URLs (loopback fake git host)", () => {
  it("fetch:plain copies a tree URL's folder, without .git", async () => {
    const { result, workspace } = await run(
      [
        {
          id: "docs",
          action: "fetch:plain",
          input: { url: `${gh.apiUrl}/acme/templates/tree/main/docs`, targetPath: "docs" },
        },
      ],
      { allowedHosts: [host] },
    );
    expect(result.status).toBe("completed");
    expect(await readFile(path.join(workspace, "docs/guide.md"), "utf8")).toBe(
      "Read me ${{ not rendered }}\n",
    );
    expect(await readdir(workspace)).toEqual(["docs"]);
  });

  it("refuses a host that is not on the allowlist, naming it", async () => {
    const { result } = await run(
      [{ id: "docs", action: "fetch:plain", input: { url: `${gh.apiUrl}/acme/templates/tree/main/docs` } }],
      { allowedHosts: ["github.com"] },
    );
    expect(result.status).toBe("failed");
    expect(result.error).toContain(`Fetching from ${host} is not allowed`);
  });

  it("resolves ./skeleton against a template registered from a blob URL", async () => {
    const { result, workspace } = await run(
      [{ id: "fetch", action: "fetch:template", input: { url: "./skeleton", values: { name: "orders" } } }],
      { allowedHosts: [host], baseUrl: `${gh.apiUrl}/acme/templates/blob/main/svc/template.yaml` },
    );
    expect(result.error).toBeUndefined();
    expect(await readFile(path.join(workspace, "README.md"), "utf8")).toBe("# orders\n");
    expect((await stat(path.join(workspace, "run.sh"))).mode & 0o111).not.toBe(0);
  });

  it("a catalog template registered from a URL dry-runs with its remote skeleton", async () => {
    const target = `${gh.apiUrl}/acme/templates/blob/main/svc/template.yaml`;
    await createLocation(catalogDeps(), { type: "url", target }, { dryRun: false });
    const found = await findTemplate(catalogDeps().db, "template:default/remote-svc");
    expect(found.baseUrl).toBe(target);
    const result = await dryRunWithContents({
      template: found.entity,
      values: { name: "billing" },
      directoryContents: [],
      registry: scaffolderRegistry(),
      services: scaffolderServices(),
    });
    expect(result.error).toBeUndefined();
    const readme = result.directoryContents.find((f) => f.path === "README.md");
    expect(Buffer.from(readme?.base64Content ?? "", "base64").toString()).toBe("# billing\n");
    expect(result.directoryContents.find((f) => f.path === "run.sh")?.executable).toBe(true);
  });
});
