import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLog } from "@/app/api/audit-log/route";
import { POST as register } from "@/app/api/catalog/register/route";
import { POST as cancelRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/cancel/route";
import { POST as retryRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/retry/route";
import { GET as taskRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/route";
import { POST as createTaskRoute } from "@/app/api/scaffolder/v2/tasks/route";
import { GET as parameterSchemaRoute } from "@/app/api/scaffolder/v2/templates/[namespace]/[kind]/[name]/parameter-schema/route";
import { bootstrapPrincipal } from "@/lib/access/principal";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import { clearOwnershipCache } from "@/lib/access/teams";
import { createApiToken } from "@/lib/access/tokens";
import { getDb } from "@/lib/db/client";
import { stopScaffolderWorker } from "@/lib/scaffolder/service";
import { issuePeopleTokens } from "../support/access-person";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { registerTemplate } from "../support/scaffolder/catalog-templates";

/**
 * Scaffolder access: viewers read templates, running needs scaffolder:run, only a task's
 * creator (or an admin) cancels or retries it, and create/cancel/retry are audited.
 * No worker runs (concurrency 0), so tasks stay open until cancelled.
 */

let env: AppEnvironment;
let templateRef = "";
const tokens: Record<string, string> = {};

const req = (method: string, path: string, who?: string, body?: unknown) =>
  new Request(`http://localhost:3000${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": "192.0.2.44",
      ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const seg = <P>(params: P) => ({ params: Promise.resolve(params) });

async function createTask(who: string) {
  const res = await createTaskRoute(
    req("POST", "/api/scaffolder/v2/tasks", who, { templateRef, values: {} }),
  );
  return { status: res.status, id: res.status === 201 ? ((await res.json()) as { id: string }).id : "" };
}
const cancel = (id: string, who?: string) =>
  cancelRoute(req("POST", `/api/scaffolder/v2/tasks/${id}/cancel`, who), seg({ taskId: id }));
const retry = (id: string, who?: string) =>
  retryRoute(req("POST", `/api/scaffolder/v2/tasks/${id}/retry`, who), seg({ taskId: id }));

beforeAll(async () => {
  env = await startAppEnvironment("access-scaffolder", {
    PORTICO_RATE_LIMIT_PER_MINUTE: "1000",
    PORTICO_SCAFFOLDER_CONCURRENCY: "0",
  });
  resetRateLimiterStoreForTests();
  clearOwnershipCache();
  const db = getDb();
  await issuePeopleTokens(db, tokens);
  tokens.robot = (
    await createApiToken(db, bootstrapPrincipal(), { name: "ci", scopes: ["scaffolder:run"], service: true })
  ).token;
  // Alice is in the catalog (matched by email); Bob is not.
  const alice = `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { profile: { email: alice@example.com }, memberOf: [] }`;
  expect((await register(req("POST", "/api/catalog/register", undefined, { yaml: alice }))).status).toBe(201);
  templateRef = await registerTemplate(env.dataDir, "access-probe", {
    parameters: [],
    steps: [{ id: "log", name: "Log", action: "debug:log", input: { message: "hi" } }],
  });
}, 120_000);

afterAll(async () => {
  await stopScaffolderWorker();
  resetRateLimiterStoreForTests();
  await env?.stop();
});

describe("scaffolder access", () => {
  it("viewers read templates but cannot run them", async () => {
    const schema = await parameterSchemaRoute(
      req("GET", "/x", "vera"),
      seg({ namespace: "default", kind: "template", name: "access-probe" }),
    );
    expect(schema.status).toBe(200);
    expect((await createTask("vera")).status).toBe(403);
  });

  it("records the creator: the catalog User when known, else the principal", async () => {
    const mine = await createTask("alice");
    expect(mine.status).toBe(201);
    const task = (await (await taskRoute(req("GET", "/t", "alice"), seg({ taskId: mine.id }))).json()) as {
      createdBy: string;
      spec: { user: { ref: string } };
    };
    expect(task.createdBy).toBe("user:default/alice");
    expect(task.spec.user.ref).toBe("user:default/alice");
    const bobs = await createTask("bob");
    const robots = await createTask("robot");
    const rows = await getDb().scaffolderTask.findMany({
      where: { id: { in: [bobs.id, robots.id] } },
      select: { id: true, createdBy: true },
    });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.createdBy]))).toEqual({
      [bobs.id]: "user:bob",
      [robots.id]: expect.stringMatching(/^service:/),
    });
  });

  it("only the creator or an admin cancels or retries a task", async () => {
    const { id } = await createTask("alice");
    expect((await cancel(id, "bob")).status).toBe(403);
    expect((await cancel(id, "vera")).status).toBe(403);
    expect((await cancel(id, "alice")).status).toBe(200);
    expect((await retry(id, "bob")).status).toBe(403);
    expect((await retry(id, "alice")).status).toBe(200);
    const bobs = await createTask("bob");
    expect((await cancel(bobs.id, "alice")).status).toBe(403);
    expect((await cancel(bobs.id)).status).toBe(200); // the local admin
    expect((await cancel("00000000-0000-4000-8000-000000000000", "alice")).status).toBe(404);
  });

  it("audits task creation, cancellation and retry with actor, target and address", async () => {
    const { id } = await createTask("alice");
    await cancel(id, "alice");
    await retry(id, "alice");
    const res = await auditLog(req("GET", "/api/audit-log?action=scaffolder.task&limit=100"));
    const { items } = (await res.json()) as {
      items: { actor: string; action: string; target: string; ip: string; details: unknown }[];
    };
    const forTask = items.filter((i) => i.target === `task:${id}`);
    expect(forTask.map((i) => i.action).sort()).toEqual([
      "scaffolder.task.cancel",
      "scaffolder.task.create",
      "scaffolder.task.retry",
    ]);
    for (const entry of forTask) expect(entry).toMatchObject({ actor: "user:alice", ip: "192.0.2.44" });
    expect(forTask.find((i) => i.action === "scaffolder.task.create")?.details).toEqual({ templateRef });
    // Refused attempts leave no entry.
    const { id: other } = await createTask("alice");
    await cancel(other, "bob");
    const after = (await (
      await auditLog(req("GET", "/api/audit-log?action=scaffolder.task.cancel"))
    ).json()) as {
      items: { target: string }[];
    };
    expect(after.items.map((i) => i.target)).not.toContain(`task:${other}`);
  });
});
