import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { parseTemplate } from "@/lib/scaffolder/model/template";
import { type LogEntry, runTemplate } from "@/lib/scaffolder/runner/run-template";
import { type FakeGithub, startFakeGithub } from "../support/scaffolder/fake-github";

let gh: FakeGithub;
let base: string;

beforeAll(async () => {
  gh = await startFakeGithub();
  base = await mkdtemp(path.join(tmpdir(), "gh-template-"));
  await mkdir(path.join(base, "skeleton"), { recursive: true });
  await writeFile(path.join(base, "skeleton", "README.md"), "# ${{ values.name }}\n");
  await writeFile(
    path.join(base, "skeleton", "catalog-info.yaml"),
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: team-a\n",
  );
});
afterAll(async () => {
  await gh?.close();
});

async function run(steps: unknown[], values: Record<string, unknown>, secrets: Record<string, string> = {}) {
  const template = parseTemplate({
    apiVersion: "scaffolder.backstage.io/v1beta3",
    kind: "Template",
    metadata: { name: "gh" },
    spec: { steps },
  });
  const logs: LogEntry[] = [];
  const result = await runTemplate({
    template,
    values,
    secrets,
    user: { ref: "user:default/guest" },
    taskId: "t",
    workspacePath: await mkdtemp(path.join(tmpdir(), "gh-ws-")),
    templateInfo: { baseDir: base, entityRef: "template:default/gh", version: "v7" },
    registry: createActionRegistry(),
    services: { dataDir: base, githubApiUrl: gh.apiUrl, githubHosts: ["github.com"] },
    isDryRun: false,
    signal: new AbortController().signal,
    hooks: { log: (e) => void logs.push(e) },
  });
  return { result, logs };
}

describe("publish:github against a loopback GitHub (REST + git smart HTTP)", () => {
  it("creates the repository with description, topics, visibility and pushes the workspace", async () => {
    const { result, logs } = await run(
      [
        { id: "fetch", action: "fetch:template", input: { url: "./skeleton", values: { name: "orders" } } },
        {
          id: "publish",
          action: "publish:github",
          input: {
            repoUrl: "github.com?owner=acme&repo=orders",
            description: "Order service",
            repoVisibility: "internal",
            topics: ["java", "grpc"],
            token: "${{ secrets.githubToken }}",
          },
        },
      ],
      { name: "orders" },
      { githubToken: gh.token },
    );
    expect(result.error).toBeUndefined();
    expect(result.status).toBe("completed");
    const repo = gh.repos.get("acme/orders");
    expect(repo).toMatchObject({
      description: "Order service",
      visibility: "internal",
      private: true,
      topics: ["java", "grpc"],
    });
    const out = result.steps[1].output as { remoteUrl: string; repoContentsUrl: string; commitHash: string };
    expect(out.remoteUrl).toBe(`${gh.apiUrl}/acme/orders`);
    expect(out.repoContentsUrl).toBe(`${gh.apiUrl}/acme/orders/blob/main`);
    const head = execFileSync("git", ["-C", gh.repoDir("acme", "orders"), "rev-parse", "main"])
      .toString()
      .trim();
    expect(head).toBe(out.commitHash);
    const info = execFileSync("git", [
      "-C",
      gh.repoDir("acme", "orders"),
      "show",
      "main:catalog-info.yaml",
    ]).toString();
    expect(info).toContain("backstage.io/source-template: template:default/gh");
    expect(info).toContain("portico.dev/source-template-version: v7");
    expect(JSON.stringify(logs)).not.toContain(gh.token);
  });

  it("fails clearly with a wrong token and on an existing repository", async () => {
    const bad = await run(
      [
        {
          action: "publish:github",
          input: { repoUrl: "github.com?owner=acme&repo=other", token: "nope-token" },
        },
      ],
      {},
    );
    expect(bad.result.status).toBe("failed");
    expect(bad.result.error).toMatch(/Bad credentials/);
    const dup = await run(
      [
        {
          action: "publish:github",
          input: { repoUrl: "github.com?owner=acme&repo=orders", token: gh.token },
        },
      ],
      {},
    );
    expect(dup.result.status).toBe("failed");
    expect(dup.result.error).toMatch(/already exists/);
  });

  it("refuses hosts that are not allowed", async () => {
    const r = await run(
      [{ action: "publish:github", input: { repoUrl: "evil.example?owner=a&repo=b", token: gh.token } }],
      {},
    );
    expect(r.result.error).toMatch(/not an allowed GitHub host/);
  });

  it("publish:github:pull-request pushes a branch with the files under targetPath and opens a PR", async () => {
    const { result } = await run(
      [
        { id: "fetch", action: "fetch:template", input: { url: "./skeleton", values: { name: "billing" } } },
        {
          id: "pr",
          action: "publish:github:pull-request",
          input: {
            repoUrl: "github.com?owner=acme&repo=orders",
            branchName: "add-billing",
            title: "Add billing",
            description: "New service",
            targetPath: "services/billing",
            token: gh.token,
          },
        },
      ],
      {},
    );
    expect(result.error).toBeUndefined();
    expect(result.steps[1].output).toMatchObject({ pullRequestNumber: 1, targetBranchName: "main" });
    expect(gh.pulls[0]).toMatchObject({ head: "add-billing", base: "main", title: "Add billing" });
    const readme = execFileSync("git", [
      "-C",
      gh.repoDir("acme", "orders"),
      "show",
      "add-billing:services/billing/README.md",
    ]).toString();
    expect(readme).toBe("# billing\n");
    // The original files are still there on the branch.
    execFileSync("git", ["-C", gh.repoDir("acme", "orders"), "show", "add-billing:README.md"]);
  });
});
