import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { scaffolderServices, startTask } from "@/lib/scaffolder/service";
import { isSealedBytes, openBytes } from "@/lib/scaffolder/tasks/secrets-box";
import { getTask, memorySecrets } from "@/lib/scaffolder/tasks/task-store";
import { TaskWorker } from "@/lib/scaffolder/tasks/worker";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { registerTemplate, waitFor } from "../support/scaffolder/catalog-templates";

const KEY = "a-sufficiently-long-test-key";
let env: AppEnvironment;
let ref: string;

beforeAll(async () => {
  env = await startAppEnvironment("scaffolder-sealed-state", { PORTICO_SCAFFOLDER_CONCURRENCY: "0" });
  // Step 1 writes a file rendered from a secret; step 2 fails, so the task keeps its snapshot.
  ref = await registerTemplate(
    env.dataDir,
    "sealed-state",
    {
      steps: [
        {
          id: "render",
          action: "fetch:template",
          input: { url: "./skeleton", values: { token: "${{ secrets.token }}" } },
        },
        { id: "lookup", action: "catalog:fetch", input: { entityRef: "component:default/never-there" } },
      ],
    },
    { "skeleton/config.txt": "token=${{ values.token }}\n" },
  );
});
afterAll(async () => {
  await env.stop();
});

async function runToFailure(secretsKey: string | undefined, secret: string) {
  if (secretsKey) env.setEnv({ PORTICO_SCAFFOLDER_SECRETS_KEY: secretsKey });
  const id = await startTask({ templateRef: ref, values: {}, secrets: { token: secret } });
  env.setEnv({ PORTICO_SCAFFOLDER_SECRETS_KEY: undefined });
  const worker = new TaskWorker({
    secretsKey,
    db: getDb(),
    registry: createActionRegistry(),
    services: scaffolderServices(),
    workerId: `sealed-${secretsKey ? "key" : "nokey"}`,
    concurrency: 1,
    leaseMs: 5000,
    pollMs: 200,
  });
  worker.start();
  try {
    const task = await waitFor(
      async () => {
        const t = await getTask(getDb(), id);
        return t && ["completed", "failed"].includes(t.status) ? t : undefined;
      },
      60_000,
      `task ${id}`,
    );
    expect(task.steps.map((s) => s.status)).toEqual(["completed", "failed"]);
  } finally {
    await worker.stop();
  }
  return id;
}

describe("task state stored in Postgres never holds secrets in plain text", () => {
  it("with a key, the workspace snapshot (which holds a file rendered from a secret) is sealed", async () => {
    const secret = "snapshot-secret-abc123";
    const id = await runToFailure(KEY, secret);
    const row = await getDb().scaffolderWorkspace.findUniqueOrThrow({ where: { taskId: id } });
    const stored = Buffer.from(row.contents);
    expect(isSealedBytes(stored)).toBe(true);
    expect(() => gunzipSync(stored)).toThrow();
    // The secret was there to protect: opened with the key, the snapshot holds the rendered file.
    const opened = gunzipSync(openBytes(stored, KEY)).toString("utf8");
    const entries = JSON.parse(opened) as { path: string; base64Content: string }[];
    const config = entries.find((e) => e.path === "config.txt");
    expect(Buffer.from(config?.base64Content ?? "", "base64").toString()).toBe(`token=${secret}\n`);
  });

  it("without a key, a task with secrets keeps no snapshot at all", async () => {
    const id = await runToFailure(undefined, "memory-only-secret-xyz");
    expect(await getDb().scaffolderWorkspace.findUnique({ where: { taskId: id } })).toBeNull();
    memorySecrets().delete(id);
  });
});
