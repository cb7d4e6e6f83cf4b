import { describe, expect, it } from "vitest";
import { filterParams } from "./api";
import { catalogHref, humanizeEntityRef, parseEntityRef } from "./entity-ref";
import { buildTree, fenced, fileText, languageOf, textToBase64 } from "./file-view";
import { parseRepoUrl, repoUrlProblems, serializeRepoUrl } from "./repo-url";
import { foldTask } from "./task-state";
import type { ScaffolderTask, TaskEvent } from "./types";

describe("entity refs", () => {
  it("parses with defaults and humanizes", () => {
    expect(parseEntityRef("team-a", { defaultKind: "Group" })).toEqual({
      kind: "group",
      namespace: "default",
      name: "team-a",
    });
    expect(parseEntityRef("team-a")).toBeUndefined();
    expect(humanizeEntityRef("group:default/team-a", { defaultKind: "group" })).toBe("team-a");
    expect(humanizeEntityRef("group:ops/team-a")).toBe("group:ops/team-a");
    expect(catalogHref("component:default/svc")).toBe("/catalog/component/default/svc");
  });
});

describe("repo urls", () => {
  it("round-trips Backstage's host?owner=&repo= form", () => {
    const v = serializeRepoUrl({ host: "github.com", owner: "acme", repo: "svc" });
    expect(v).toBe("github.com?owner=acme&repo=svc");
    expect(parseRepoUrl(v)).toEqual({ host: "github.com", owner: "acme", repo: "svc" });
  });
  it("enforces allowedHosts and allowedOwners", () => {
    expect(
      repoUrlProblems("github.com?owner=acme&repo=svc", {
        allowedHosts: ["github.com"],
        allowedOwners: ["acme"],
      }),
    ).toEqual([]);
    expect(
      repoUrlProblems("gitlab.com?owner=evil&repo=svc", {
        allowedHosts: ["github.com"],
        allowedOwners: ["acme"],
      }),
    ).toHaveLength(2);
    expect(repoUrlProblems("github.com?owner=acme")).toEqual(["enter a repository name"]);
  });
});

describe("catalog filters", () => {
  it("encodes catalogFilter as repeated filter params", () => {
    expect(filterParams({ kind: "Group", "spec.type": ["team", "squad"] })).toEqual([
      "kind=Group,spec.type=team,spec.type=squad",
    ]);
    expect(
      filterParams([{ kind: "User" }, { kind: "Group", "metadata.annotations.x": { exists: true } }]),
    ).toEqual(["kind=User", "kind=Group,metadata.annotations.x"]);
  });
});

describe("file view", () => {
  it("builds a folders-first tree and detects binaries", () => {
    const tree = buildTree(["b.txt", "src/index.ts", "a.md", "src/lib/x.ts"]);
    expect(tree.map((n) => n.name)).toEqual(["src", "a.md", "b.txt"]);
    expect(tree[0].children?.map((n) => n.name)).toEqual(["lib", "index.ts"]);
    expect(fileText({ path: "a", base64Content: textToBase64("héllo") })).toBe("héllo");
    expect(fileText({ path: "a", base64Content: btoa("\u0000\u0001") })).toBeUndefined();
    expect(languageOf("catalog-info.yaml")).toBe("yaml");
    expect(languageOf("Dockerfile")).toBe("bash");
  });
  it("fences text that itself contains fences", () => {
    const md = fenced("```js\nx\n```", "markdown");
    expect(md.startsWith("````markdown\n")).toBe(true);
    expect(md.endsWith("\n````")).toBe(true);
  });
});

describe("foldTask", () => {
  const task: ScaffolderTask = {
    id: "t1",
    status: "processing",
    createdAt: "2026-01-01T00:00:00Z",
    spec: {
      steps: [
        { id: "a", name: "A" },
        { id: "b", name: "B" },
      ],
    },
  };
  const ev = (id: number, type: TaskEvent["type"], body: TaskEvent["body"], s: number): TaskEvent => ({
    id,
    taskId: "t1",
    type,
    body,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString(),
  });
  it("derives step states, durations and the final output from events", () => {
    const view = foldTask(task, [
      ev(1, "log", { stepId: "a", status: "processing", message: "Beginning step A" }, 0),
      ev(2, "log", { stepId: "a", status: "completed", message: "Finished step A" }, 2),
      ev(3, "log", { stepId: "b", status: "processing", message: "Beginning step B" }, 2),
      ev(4, "log", { stepId: "b", status: "failed", message: "boom" }, 3),
      ev(5, "completion", { message: "Run failed", status: "failed", error: { message: "boom" } }, 3),
    ]);
    expect(view.status).toBe("failed");
    expect(view.steps.map((s) => s.status)).toEqual(["completed", "failed"]);
    expect(view.error).toBe("boom");
    expect(view.steps[0].startedAt).toBe("2026-01-01T00:00:00.000Z");
    expect(view.steps[0].endedAt).toBe("2026-01-01T00:00:02.000Z");
  });
  it("returns a retried task to processing and reopens the failed step", () => {
    const view = foldTask(task, [
      ev(1, "log", { stepId: "a", status: "completed" }, 1),
      ev(2, "log", { stepId: "b", status: "failed" }, 2),
      ev(3, "completion", { status: "failed" }, 2),
      ev(4, "retry", { message: "Task retried from the failed step" }, 3),
    ]);
    expect(view.status).toBe("open");
    expect(view.steps.map((s) => s.status)).toEqual(["completed", "open"]);
  });
});
