import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";
import { getDb } from "@/lib/db/client";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { scaffolderServices, startTask, TaskRequestError } from "@/lib/scaffolder/service";
import { claimTask } from "@/lib/scaffolder/tasks/claim";
import { cancelTask, getTask, listEvents, memorySecrets, retryTask } from "@/lib/scaffolder/tasks/task-store";
import { TaskWorker } from "@/lib/scaffolder/tasks/worker";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { registerTemplate, waitFor } from "../support/scaffolder/catalog-templates";

let env: AppEnvironment;
let worker: TaskWorker | undefined;

beforeAll(async () => {
  env = await startAppEnvironment("scaffolder-tasks", { PORTICO_SCAFFOLDER_CONCURRENCY: "0" });
});
afterAll(async () => {
  await worker?.stop();
  await env.stop();
});

function newWorker(id: string, leaseMs = 2000, secretsKey?: string) {
  return new TaskWorker({
    secretsKey,
    db: getDb(),
    registry: createActionRegistry(),
    services: scaffolderServices(),
    workerId: id,
    concurrency: 2,
    leaseMs,
    pollMs: 200,
  });
}

const done = (id: string) =>
  waitFor(
    async () => {
      const t = await getTask(getDb(), id);
      return t && ["completed", "failed", "cancelled"].includes(t.status) ? t : undefined;
    },
    60_000,
    `task ${id} to finish`,
  );

describe("scaffolder task runner", () => {
  it("refuses unknown actions and invalid values before anything is stored", async () => {
    const ref = await registerTemplate(env.dataDir, "unknown-action", {
      parameters: [{ required: ["name"], properties: { name: { type: "string" } } }],
      steps: [{ id: "x", action: "acme:deploy", input: {} }],
    });
    await expect(startTask({ templateRef: ref, values: {}, secrets: {} })).rejects.toThrow(
      "action acme:deploy is not registered",
    );
    const ref2 = await registerTemplate(env.dataDir, "needs-name", {
      parameters: [
        { required: ["name"], properties: { name: { type: "string" }, port: { type: "integer" } } },
      ],
      steps: [{ action: "debug:log", input: { message: "hi" } }],
    });
    const err = await startTask({ templateRef: ref2, values: { port: "x" }, secrets: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(TaskRequestError);
    expect((err as TaskRequestError).errors.map((e) => e.field).sort()).toEqual([
      "values.name",
      "values.port",
    ]);
    expect(await getDb().scaffolderTask.count()).toBe(0);
  });

  it("runs a task, stores steps and events, redacts secrets, never stores them in plain text", async () => {
    worker = newWorker("w1");
    worker.start();
    const ref = await registerTemplate(env.dataDir, "hello", {
      parameters: [
        {
          properties: {
            name: { type: "string", default: "world" },
            token: { type: "string", "ui:field": "Secret" },
          },
        },
      ],
      steps: [
        {
          id: "log",
          action: "debug:log",
          input: { message: "hello ${{ parameters.name }} ${{ secrets.token }}" },
        },
      ],
      output: { text: [{ title: "done", content: "${{ parameters.name }}" }] },
    });
    const id = await startTask({ templateRef: ref, values: { token: "tok-very-secret" }, secrets: {} });
    const task = await done(id);
    expect(task.status).toBe("completed");
    expect(task.spec.parameters).toEqual({ name: "world" });
    expect(task.output).toEqual({ text: [{ title: "done", content: "world" }] });
    const events = await listEvents(getDb(), id);
    const all = JSON.stringify(events);
    expect(all).toContain("hello world ***");
    expect(all).not.toContain("tok-very-secret");
    const row = await getDb().scaffolderTask.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain("tok-very-secret");
    expect(events.at(-1)?.type).toBe("completion");
    // `after` pages the log
    const later = await listEvents(getDb(), id, events[1].id);
    expect(later[0].id).toBe(events[2].id);
    await worker.stop();
    worker = undefined;
  });

  it("seals secrets with the configured key, and fails clearly when they are lost without one", async () => {
    const ref = await registerTemplate(env.dataDir, "sealed", {
      steps: [{ id: "log", action: "debug:log", input: { message: "len ${{ secrets.token | length }}" } }],
    });
    env.setEnv({ PORTICO_SCAFFOLDER_SECRETS_KEY: "a-sufficiently-long-test-key" });
    const sealedId = await startTask({
      templateRef: ref,
      values: {},
      secrets: { token: "sealed-secret-value" },
    });
    env.setEnv({ PORTICO_SCAFFOLDER_SECRETS_KEY: undefined });
    const row = await getDb().scaffolderTask.findUniqueOrThrow({ where: { id: sealedId } });
    expect(row.secretsSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain("sealed-secret-value");
    memorySecrets().clear(); // the key, not this process's memory, must carry the secret
    worker = newWorker("w-sealed", 2000, "a-sufficiently-long-test-key");
    worker.start();
    expect((await done(sealedId)).status).toBe("completed");
    const lostId = await startTask({ templateRef: ref, values: {}, secrets: { token: "in-memory-only" } });
    memorySecrets().clear(); // as if the receiving process died
    const lost = await done(lostId);
    expect(lost.status).toBe("failed");
    expect(lost.error).toMatch(/secrets are not available/);
    await worker.stop();
    worker = undefined;
  });

  it("retries a failed task from the failed step, reusing the workspace of completed steps", async () => {
    worker = newWorker("w2");
    worker.start();
    const ref = await registerTemplate(
      env.dataDir,
      "retry-me",
      {
        steps: [
          { id: "render", action: "fetch:template", input: { url: "./skeleton", values: { name: "retry" } } },
          { id: "lookup", action: "catalog:fetch", input: { entityRef: "component:default/appears-later" } },
          {
            id: "list",
            action: "debug:log",
            input: { listWorkspace: true, message: "owner ${{ steps.lookup.output.entity.spec.owner }}" },
          },
        ],
      },
      { "skeleton/hello.txt": "hi ${{ values.name }}" },
    );
    const id = await startTask({ templateRef: ref, values: {}, secrets: {} });
    const failed = await done(id);
    expect(failed.status).toBe("failed");
    expect(failed.steps.map((s) => s.status)).toEqual(["completed", "failed", "skipped"]);
    const dir = path.join(env.dataDir, "catalog", "later");
    const { mkdir, writeFile } = await import("node:fs/promises");
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "catalog-info.yaml"),
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: appears-later\nspec:\n  type: service\n  lifecycle: production\n  owner: team-x\n",
    );
    await createLocation(
      catalogDeps(),
      { type: "file", target: path.join(dir, "catalog-info.yaml") },
      { dryRun: false },
    );
    await retryTask(getDb(), id, undefined, undefined);
    const ok = await done(id);
    expect(ok.status).toBe("completed");
    const events = await listEvents(getDb(), id);
    const messages = events.map((e) => String(e.body.message));
    expect(messages.filter((m) => m === "Beginning step render")).toHaveLength(1);
    expect(messages.some((m) => m.includes("hello.txt"))).toBe(true);
    expect(messages.some((m) => m.includes("owner group:default/team-x") || m.includes("owner team-x"))).toBe(
      true,
    );
    await worker.stop();
    worker = undefined;
  });

  it("two workers share the queue: every task runs once, each worker within its concurrency limit", async () => {
    const ref = await registerTemplate(env.dataDir, "parallel", {
      steps: [{ id: "w", action: "debug:wait", input: { milliseconds: 400 } }],
    });
    const a = newWorker("wa");
    const b = newWorker("wb");
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await startTask({ templateRef: ref, values: {}, secrets: {} }));
    a.start();
    b.start();
    let maxA = 0;
    let maxB = 0;
    const sample = setInterval(async () => {
      const rows = await getDb().scaffolderTask.groupBy({
        by: ["claimedBy"],
        where: { status: "processing" },
        _count: true,
      });
      for (const r of rows) {
        if (r.claimedBy === "wa") maxA = Math.max(maxA, r._count);
        if (r.claimedBy === "wb") maxB = Math.max(maxB, r._count);
      }
    }, 50);
    try {
      for (const id of ids) expect((await done(id)).status).toBe("completed");
    } finally {
      clearInterval(sample);
      await a.stop();
      await b.stop();
    }
    const rows = await getDb().scaffolderTask.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.claimedBy))).toEqual(new Set(["wa", "wb"]));
    expect(maxA).toBeLessThanOrEqual(2);
    expect(maxB).toBeLessThanOrEqual(2);
    const begins = await getDb().scaffolderTaskEvent.count({
      where: { taskId: { in: ids }, body: { path: ["message"], equals: "Beginning step w" } },
    });
    expect(begins).toBe(8);
  });

  it("concurrent claims never hand one task to two workers", async () => {
    const ref = await registerTemplate(env.dataDir, "claims", {
      steps: [{ action: "debug:log", input: { message: "x" } }],
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await startTask({ templateRef: ref, values: {}, secrets: {} }));
    const claims = await Promise.all(
      Array.from({ length: 30 }, (_, i) => claimTask(getDb(), `claimer-${i}`, 60_000)),
    );
    const got = claims.filter((c) => c !== null).map((c) => c.id);
    expect(got.sort()).toEqual([...ids].sort());
    await getDb().scaffolderTask.updateMany({ where: { id: { in: ids } }, data: { status: "cancelled" } });
  });

  it("cancels a running task through its AbortSignal", async () => {
    worker = newWorker("w3");
    worker.start();
    const ref = await registerTemplate(env.dataDir, "slow", {
      steps: [
        { id: "wait", action: "debug:wait", input: { seconds: 30 } },
        { id: "after", action: "debug:log", input: { message: "x" } },
      ],
    });
    const id = await startTask({ templateRef: ref, values: {}, secrets: {} });
    await waitFor(
      async () => (await getTask(getDb(), id))?.steps[0].status === "processing",
      20_000,
      "step to start",
    );
    await cancelTask(getDb(), id);
    const t = await done(id);
    expect(t.status).toBe("cancelled");
    expect(t.steps.map((s) => s.status)).toEqual(["cancelled", "cancelled"]);
    await worker.stop();
    worker = undefined;
  });

  it("recovers a task whose worker process was killed, resuming after the last completed step", async () => {
    const ref = await registerTemplate(
      env.dataDir,
      "crashy",
      {
        steps: [
          { id: "render", action: "fetch:template", input: { url: "./skeleton", values: { name: "crash" } } },
          { id: "wait", action: "debug:wait", input: { seconds: 3 } },
          { id: "list", action: "debug:log", input: { listWorkspace: true } },
        ],
      },
      { "skeleton/file.txt": "${{ values.name }}" },
    );
    const child: ChildProcess = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["tests/support/scaffolder/worker-child.ts"],
      {
        env: { ...process.env, LEASE_MS: "1500" },
        stdio: ["ignore", "pipe", "inherit"],
        // Its own process group: tsx runs the worker in a grandchild, and the whole group must die.
        detached: true,
      },
    );
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on("data", (d) => String(d).includes("ready") && resolve());
        child.on("exit", (code) => reject(new Error(`child exited ${code}`)));
      });
      const id = await startTask({ templateRef: ref, values: {}, secrets: {} });
      await waitFor(
        async () => (await getTask(getDb(), id))?.steps[1].status === "processing",
        60_000,
        "child to reach step 2",
      );
      const exited = new Promise((r) => child.once("exit", r));
      killGroup();
      await exited;
      const stuck = await getTask(getDb(), id);
      expect(stuck?.status).toBe("processing");
      worker = newWorker("w4", 1500);
      worker.start();
      const t = await done(id);
      expect(t.status).toBe("completed");
      const events = await listEvents(getDb(), id);
      const recovered = events.find((e) => e.type === "recovered");
      expect(String(recovered?.body.message)).toMatch(
        /child-worker stopped heartbeating.*resumes the task at step wait/,
      );
      const messages = events.map((e) => String(e.body.message));
      expect(messages.filter((m) => m === "Beginning step render")).toHaveLength(1);
      expect(messages.some((m) => m.includes("file.txt"))).toBe(true);
    } finally {
      killGroup();
      await worker?.stop();
      worker = undefined;
    }
  });
});
