import path from "node:path";
import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/diagnose/route";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { createDb, type Db } from "@/lib/db/client";
import { diagnoseResponseSchema, MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import { setDiagnoseModelForTests } from "@/lib/diagnose/service";
import { getRunbookService } from "@/lib/runbooks/service-instance";
import { startTempChroma, type TempChroma } from "@/tests/support/chroma";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";
import { createTestDatabase, type TestDatabase } from "@/tests/support/postgres";
import { configureServices } from "@/tests/support/service-env";

const ENV_KEYS = [
  "CHROMA_URL",
  "DATABASE_URL",
  "KUBECONFIG",
  "KUBERNETES_SERVICE_HOST",
  "GOOGLE_GENERATIVE_AI_API_KEY",
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const dbHolder = globalThis as { __porticoDb?: Db };

const fakePw = ["hunt", "er-", "fake", "-42"].join("");

// What `kubectl describe pod` and `kubectl get pods` show for a JVM-less service running out of memory.
const CRASHLOOP_OOM_LOG = `$ kubectl get pods -n payments
NAME                           READY   STATUS             RESTARTS      AGE
fraud-model-jdfdgccmel-x7kqp   0/1     CrashLoopBackOff   7 (2m ago)    19m
$ kubectl describe pod fraud-model-jdfdgccmel-x7kqp -n payments
Containers:
  model:
    Image:          registry.example.com/fraud-model:2.3.1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Limits:
      memory:  512Mi
    Environment:
      DATABASE_URL:  postgres://fraud:${fakePw}@db.payments:5432/fraud
Events:
  Warning  BackOff  2m (x40 over 19m)  kubelet  Back-off restarting failed container model in pod fraud-model-jdfdgccmel-x7kqp_payments`;

function post(body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) {
  return POST(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function expectError(res: Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(body.error.code).toBeTruthy();
  if (field) expect(body.error.message).toContain(field);
  return body;
}

function configure(env: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>) {
  configureServices(ENV_KEYS, env);
}

let chroma: TempChroma;
let kube: FakeKube;
let testDb: TestDatabase;

beforeAll(async () => {
  [chroma, kube, testDb] = await Promise.all([
    startTempChroma(),
    startFakeKube({ scenario: "broken" }),
    createTestDatabase(),
  ]);
  const seedDb = createDb(testDb.url, { max: 2 });
  const { result } = await ingestFromDirectory(seedDb, path.resolve(__dirname, "../fixtures/catalog/tree"));
  expect(result.ok).toBe(true);
  await seedDb.$disconnect();
  configure({ CHROMA_URL: chroma.url, KUBECONFIG: kube.kubeconfigPath });
  await getRunbookService().reindex();
});

afterAll(async () => {
  setDiagnoseModelForTests(undefined);
  await dbHolder.__porticoDb?.$disconnect();
  dbHolder.__porticoDb = undefined;
  configure(savedEnv);
  await Promise.all([chroma?.dispose(), kube?.stop(), testDb?.stop()]);
});

describe("POST /api/diagnose: bad input", () => {
  it("400 naming error_message when it is missing, empty or blank", async () => {
    await expectError(await post({}), 400, "error_message");
    await expectError(await post({ error_message: "" }), 400, "error_message");
    await expectError(await post({ error_message: "  \n\t " }), 400, "error_message");
  });

  it("400 for wrong types, naming each field", async () => {
    await expectError(await post({ error_message: 42 }), 400, "error_message");
    await expectError(await post({ error_message: "x", namespace: "Not_A_Namespace" }), 400, "namespace");
    await expectError(
      await post({ error_message: "x", include_cluster_health: "yes" }),
      400,
      "include_cluster_health",
    );
    await expectError(await post({ error_message: "x", surprise: true }), 400);
    await expectError(await post([{ error_message: "x" }]), 400);
  });

  it("400 for a body that is not JSON or is empty; 415 for a non-JSON content type", async () => {
    await expectError(await post("{error_message: oops"), 400, "JSON");
    await expectError(await post(""), 400);
    await expectError(await post("\u0000\u0001\u00ff garbage"), 400);
    await expectError(await post({ error_message: "x" }, { "content-type": "text/plain" }), 415);
  });

  it("413 naming error_message above 256 KiB, counted in UTF-8 bytes", async () => {
    const body = await expectError(
      await post({ error_message: "a".repeat(MAX_ERROR_MESSAGE_BYTES + 1) }),
      413,
      "error_message",
    );
    expect(body.error.details).toMatchObject({
      field: "error_message",
      limit_bytes: MAX_ERROR_MESSAGE_BYTES,
    });
    // 100k two-byte characters: under the limit in characters, over it in bytes.
    await expectError(await post({ error_message: "é".repeat(140_000) }), 413, "error_message");
    expect((await post({ error_message: "a".repeat(MAX_ERROR_MESSAGE_BYTES) })).status).toBe(200);
  });

  it("413 for a body far above the transport cap without reading it all", async () => {
    await expectError(await post({ error_message: "x", pad: "y".repeat(3 * 1024 * 1024) }), 413);
  });

  it("answers binary garbage with a valid diagnosis of category other", async () => {
    let garbage = "";
    for (let i = 0; i < 4096; i++) garbage += String.fromCharCode((i * 7919) % 65_000);
    const res = await post({ error_message: garbage });
    expect(res.status).toBe(200);
    const body = diagnoseResponseSchema.parse(await res.json());
    expect(body.category).toBe("other");
    expect(body.engine).toBe("offline");
  });
});

describe("POST /api/diagnose: offline engine", () => {
  it("diagnoses CrashLoopBackOff caused by OOMKilled, with runbooks and no secrets", async () => {
    const res = await post({ error_message: CRASHLOOP_OOM_LOG, namespace: "payments" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const text = await res.text();
    expect(text).not.toContain(fakePw);
    const body = diagnoseResponseSchema.parse(JSON.parse(text));
    expect(body.request_id).toBe(res.headers.get("x-request-id"));
    expect(body).toMatchObject({ engine: "offline", category: "oomkilled", degraded: [] });
    expect(["critical", "high"]).toContain(body.severity);
    expect(body.root_cause).toMatch(/memory/i);
    expect(body.classifications.map((c) => c.category)).toEqual(
      expect.arrayContaining(["oomkilled", "crashloopbackoff"]),
    );
    const oomLine = body.classifications.find((c) => c.category === "oomkilled")?.line ?? 0;
    expect(CRASHLOOP_OOM_LOG.split("\n")[oomLine - 1]).toMatch(/OOMKilled|137/);
    expect(body.fix_commands.length).toBeGreaterThan(0);
    expect(body.fix_commands.some((c) => c.command.includes("-n payments"))).toBe(true);
    expect(body.prevention_tips.length).toBeGreaterThan(0);
    expect(body.runbooks[0]).toMatchObject({ id: "oomkilled", url: "/runbooks/oomkilled" });
    expect(body.timings_ms.total).toBeGreaterThanOrEqual(0);
  });

  it("adds live pod context when asked, and reports kubernetes degraded without a cluster", async () => {
    const withPod = {
      error_message: CRASHLOOP_OOM_LOG,
      namespace: "payments",
      pod_name: "fraud-model-jdfdgccmel-x7kqp",
      include_cluster_health: true,
    };
    const body = diagnoseResponseSchema.parse(await (await post(withPod)).json());
    expect(body.k8s_context).toMatchObject({ found: true, pod: { name: "fraud-model-jdfdgccmel-x7kqp" } });
    expect(body.degraded).not.toContain("kubernetes");

    configure({ CHROMA_URL: chroma.url });
    try {
      const res = await post(withPod);
      expect(res.status).toBe(200);
      const offline = diagnoseResponseSchema.parse(await res.json());
      expect(offline.degraded).toContain("kubernetes");
      expect(offline.category).toBe("oomkilled");
    } finally {
      configure({ CHROMA_URL: chroma.url, KUBECONFIG: kube.kubeconfigPath });
    }
  });

  it("looks up the owner of entity_ref in the catalog; degraded catalog without a database", async () => {
    const input = { error_message: CRASHLOOP_OOM_LOG, entity_ref: "component:default/checkout" };
    const noDb = diagnoseResponseSchema.parse(await (await post(input)).json());
    expect(noDb.degraded).toContain("catalog");
    expect(noDb.owner).toBeUndefined();

    configure({ CHROMA_URL: chroma.url, KUBECONFIG: kube.kubeconfigPath, DATABASE_URL: testDb.url });
    const body = diagnoseResponseSchema.parse(await (await post(input)).json());
    expect(body.degraded).not.toContain("catalog");
    expect(body.owner).toMatchObject({
      entity_ref: "component:default/checkout",
      owner: "group:default/team-payments",
    });
    const unknown = diagnoseResponseSchema.parse(
      await (await post({ ...input, entity_ref: "component:default/nope" })).json(),
    );
    expect(unknown.owner).toBeUndefined();
    expect(unknown.degraded).not.toContain("catalog");
  });

  it("still answers with keyword-matched runbooks when Chroma is down", async () => {
    const down = await startTempChroma();
    await down.dispose();
    configure({ CHROMA_URL: down.url });
    try {
      const body = diagnoseResponseSchema.parse(
        await (await post({ error_message: CRASHLOOP_OOM_LOG })).json(),
      );
      expect(body.degraded).toContain("vector_store");
      expect(body.runbooks[0]?.id).toBe("oomkilled");
    } finally {
      configure({ CHROMA_URL: chroma.url, KUBECONFIG: kube.kubeconfigPath });
    }
  });
});

function textResult(text: string): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 10, text: 10, reasoning: 0 },
    },
    warnings: [],
  };
}

describe("POST /api/diagnose: LLM engine", () => {
  afterAll(() => setDiagnoseModelForTests(undefined));

  it("uses the model's structured answer and flags destructive commands locally", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () =>
        textResult(
          JSON.stringify({
            category: "oomkilled",
            severity: "high",
            root_cause: "The model container needs more than its 512Mi limit while loading weights.",
            fix_commands: [
              { command: "kubectl top pod fraud-model-jdfdgccmel-x7kqp -n payments", description: "Usage." },
              {
                command: "kubectl delete pod fraud-model-jdfdgccmel-x7kqp -n payments",
                description: "Restart.",
              },
            ],
            prevention_tips: ["Load weights lazily."],
          }),
        ),
    });
    setDiagnoseModelForTests(model);
    const body = diagnoseResponseSchema.parse(
      await (await post({ error_message: CRASHLOOP_OOM_LOG })).json(),
    );
    expect(body).toMatchObject({ engine: "gemini", category: "oomkilled", degraded: [] });
    expect(body.fix_commands.map((c) => c.destructive)).toEqual([false, true]);
    expect(JSON.stringify(model.doGenerateCalls[0].prompt)).not.toContain(fakePw);
  });

  it("falls back to the offline engine when the model fails", async () => {
    setDiagnoseModelForTests(
      new MockLanguageModelV3({
        doGenerate: async () => {
          throw new Error(`upstream 500 for key=${fakePw}`);
        },
      }),
    );
    const res = await post({ error_message: CRASHLOOP_OOM_LOG });
    expect(res.status).toBe(200);
    const body = diagnoseResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ engine: "offline", category: "oomkilled" });
    expect(body.degraded).toContain("llm");
  });
});
