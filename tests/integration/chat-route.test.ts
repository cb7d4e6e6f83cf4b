import path from "node:path";
import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { type ChatHandlerDeps, handleChat } from "@/lib/chat/handle-chat";
import { chatRequestSchema } from "@/lib/chat/request";
import { createScriptedModel, type ScriptedStep } from "@/lib/chat/scripted-model";
import { readUiMessageResponse } from "@/lib/chat/sse";
import { loadMessages } from "@/lib/chat/store";
import type { ChatToolDeps } from "@/lib/chat/tools";
import type { ClusterHealthOutput } from "@/lib/chat/types";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { createDb, type Db } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { createTestDatabase, type TestDatabase } from "../support/postgres";

let testDb: TestDatabase;
let db: Db;

const cluster: ClusterHealthOutput = {
  connected: true,
  cluster: "kind-test",
  generatedAt: "2026-01-01T00:00:00.000Z",
  nodes: { ready: 3, total: 3 },
  pods: { byPhase: { Running: 10 }, restarting: 1 },
  deployments: { available: 4, total: 5 },
  problems: [],
  moreProblems: 0,
};

const fakeTools: ChatToolDeps = {
  diagnose: async () => {
    throw new Error("not used");
  },
  searchRunbooks: async (query) => ({ query, results: [], degraded: [] }),
  clusterHealth: async () => cluster,
  podDetails: async () => {
    throw new Error("not used");
  },
  findEntities: async (q) => ({ query: q.text, results: [], total: 0 }),
  getEntity: async (ref) => ({ ref, found: false, entity: null, owner: null, relations: [], links: [] }),
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDb(testDb.url, { max: 2 });
  const { result } = await ingestFromDirectory(db, path.resolve(__dirname, "../../prisma/seed/demo-org"));
  expect(result.ok).toBe(true);
  // The exported route wires itself from the environment: offline (no key), no cluster, keyword-only runbooks.
  process.env.DATABASE_URL = testDb.url;
  delete process.env.GOOGLE_GENERATIVE_AI_API_KEY;
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
  delete process.env.CHROMA_URL;
  resetServerConfigForTests();
});

afterAll(async () => {
  await db?.$disconnect();
  const holder = globalThis as { __porticoDb?: Db; __porticoChatDeps?: unknown };
  await holder.__porticoDb?.$disconnect();
  holder.__porticoDb = undefined;
  holder.__porticoChatDeps = undefined;
  await testDb?.stop();
});

let seq = 0;
const newId = () => `msg${Date.now().toString(36)}${(seq++).toString(36)}`;

function body(text: string, extra: Record<string, unknown> = {}) {
  return { message: { id: newId(), role: "user", parts: [{ type: "text", text }] }, ...extra };
}

async function runModel(steps: ScriptedStep[], payload: Record<string, unknown>) {
  const scripted = createScriptedModel(steps);
  const deps: ChatHandlerDeps = {
    db,
    owner: "local:admin",
    model: scripted.model,
    tools: fakeTools,
    redact: redactSecrets,
  };
  const res = await handleChat(chatRequestSchema.parse(payload), deps);
  const { chunks, done } = await readUiMessageResponse(res);
  return { res, chunks, done, scripted };
}

const ofType = <T extends UIMessageChunk["type"]>(chunks: UIMessageChunk[], type: T) =>
  chunks.filter((c): c is Extract<UIMessageChunk, { type: T }> => c.type === type);

const textOf = (chunks: UIMessageChunk[]) =>
  ofType(chunks, "text-delta")
    .map((c) => c.delta)
    .join("");

const conversationOf = (chunks: UIMessageChunk[]) =>
  (ofType(chunks, "data-conversation" as never)[0] as unknown as { data: { id: string } }).data.id;

describe("POST /api/chat with a language model", () => {
  it("streams tokens and a tool call, then saves both messages", async () => {
    const { res, chunks, done } = await runModel(
      [
        { toolCall: { name: "getClusterHealth", input: {} } },
        { text: ["The cluster ", "looks ", "healthy."] },
      ],
      body("Is the cluster healthy?"),
    );
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    expect(done).toBe(true);
    expect(ofType(chunks, "start")[0].messageId).toBeTruthy();
    expect(ofType(chunks, "tool-input-available")[0]).toMatchObject({ toolName: "getClusterHealth" });
    expect(ofType(chunks, "tool-output-available")[0].output).toMatchObject({ cluster: "kind-test" });
    expect(ofType(chunks, "text-delta").map((c) => c.delta)).toEqual(["The cluster ", "looks ", "healthy."]);

    const conversationId = conversationOf(chunks);
    expect(res.headers.get("x-conversation-id")).toBe(conversationId);
    const saved = await loadMessages(db, conversationId);
    expect(saved.map((m) => m.role)).toEqual(["user", "assistant"]);
    const assistant = saved[1];
    expect(assistant.id).toBe(ofType(chunks, "start")[0].messageId);
    expect(assistant.parts.find((p) => p.type === "tool-getClusterHealth")).toMatchObject({
      state: "output-available",
      output: { nodes: { ready: 3, total: 3 } },
    });
    expect(assistant.parts.filter((p) => p.type === "text").map((p) => (p as { text: string }).text)).toEqual(
      ["The cluster looks healthy."],
    );
    expect(assistant.metadata).toMatchObject({ mode: "model" });
  });

  it("redacts secrets before the model sees them and before they are stored", async () => {
    // AWS's documented example key, assembled at runtime so secret scanners stay quiet.
    const secret = ["AKIA", "IOSFODNN7EXAMPLE"].join("");
    const { chunks, scripted } = await runModel(
      [{ text: ["ok"] }],
      body(`deploy failed: password=hunter2supersecret aws ${secret}`),
    );
    const sent = JSON.stringify(scripted.prompts);
    expect(sent).not.toContain("hunter2supersecret");
    expect(sent).not.toContain(secret);
    expect(sent).toContain("REDACTED");
    const stored = JSON.stringify(await loadMessages(db, conversationOf(chunks)));
    expect(stored).not.toContain("hunter2supersecret");
    expect(stored).not.toContain(secret);
  });

  it("continues a conversation with its history and replaces the answer on regenerate", async () => {
    const first = await runModel([{ text: ["First answer."] }], body("Remember the word marmalade."));
    const conversationId = conversationOf(first.chunks);
    const second = body("What was the word?", { conversationId });
    const turn2 = await runModel([{ text: ["It was marmalade."] }], second);
    expect(JSON.stringify(turn2.scripted.prompts[0])).toContain("marmalade");
    expect(ofType(turn2.chunks, "data-conversation" as never)).toHaveLength(0);

    const regen = await runModel([{ text: ["Marmalade, again."] }], {
      ...second,
      trigger: "regenerate-message",
    });
    expect(regen.done).toBe(true);
    const saved = await loadMessages(db, conversationId);
    expect(saved.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(JSON.stringify(saved[3].parts)).toContain("Marmalade, again.");
    expect(JSON.stringify(saved)).not.toContain("It was marmalade.");
  });

  it("ends with an error part when the model fails mid-stream and keeps what was saved", async () => {
    const { chunks, done } = await runModel(
      [{ text: ["Partial ", "answer"], failAfter: "upstream exploded" }],
      body("This will break"),
    );
    expect(done).toBe(true);
    const errors = ofType(chunks, "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].errorText).toContain("upstream exploded");
    const saved = await loadMessages(db, conversationOf(chunks));
    expect(saved[0]).toMatchObject({ role: "user", parts: [{ type: "text", text: "This will break" }] });
    expect(saved[1].role).toBe("assistant");
    expect(JSON.stringify(saved[1].parts)).toContain("Partial answer");
    expect(saved[1].metadata).toMatchObject({ interrupted: "error" });
  });
});

function post(payload: unknown, raw?: string) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: raw ?? JSON.stringify(payload),
    }),
  );
}

describe("POST /api/chat offline (exported route, real wiring)", () => {
  it("answers 'who owns' with catalog tool calls and an entity result", async () => {
    const res = await post(body("who owns checkout-api?"));
    expect(res.status).toBe(200);
    const { chunks, done } = await readUiMessageResponse(res);
    expect(done).toBe(true);
    const calls = ofType(chunks, "tool-input-available").map((c) => c.toolName);
    expect(calls).toEqual(["getEntity"]);
    const entity = ofType(chunks, "tool-output-available")[0].output as {
      found: boolean;
      entity: { url: string };
      owner: { ref: string; url: string };
    };
    expect(entity.found).toBe(true);
    expect(entity.entity.url).toBe("/catalog/component/default/checkout-api");
    expect(entity.owner.ref).toBe("group:default/payments-team");
    const text = ofType(chunks, "text-delta")
      .map((c) => c.delta)
      .join("");
    expect(text).toContain("No language model is configured");
    expect(text).toContain("payments");
  });

  it("diagnoses a pasted log and searches runbooks without a model", async () => {
    const log = "Last State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137";
    const diag = await readUiMessageResponse(await post(body(log)));
    const output = ofType(diag.chunks, "tool-output-available")[0].output as {
      category: string;
      commands: { destructive: boolean }[];
    };
    expect(output.category).toBe("oomkilled");
    expect(output.commands.length).toBeGreaterThan(0);

    const rb = await readUiMessageResponse(await post(body("runbook for CrashLoopBackOff")));
    const results = (ofType(rb.chunks, "tool-output-available")[0].output as { results: { url: string }[] })
      .results;
    expect(results[0].url).toBe("/runbooks/crashloopbackoff");
  });

  // Issue 15 finding: "Nothing in the catalog matches 'accounts service and what APIs does it provide'".
  it("resolves 'the accounts service' in a two-part question and answers owner and APIs", async () => {
    const res = await post(body("Who owns the accounts service and what APIs does it provide?"));
    const { chunks } = await readUiMessageResponse(res);
    const calls = ofType(chunks, "tool-input-available").map((c) => [c.toolName, c.input]);
    expect(calls).toEqual([["getEntity", { ref: "component:default/accounts-service" }]]);
    const text = textOf(chunks);
    expect(text).toContain("**Accounts Service** is owned by [");
    expect(text).toContain("/catalog/group/default/customer-accounts-team");
    expect(text).toContain("It provides 1 API: [accounts-v1](/catalog/api/default/accounts-v1)");
    expect(text).not.toContain("Nothing in the catalog matches");

    // The follow-up refers to the previous turn's entity.
    const followUp = await readUiMessageResponse(
      await post(body("and what does it depend on?", { conversationId: conversationOf(chunks) })),
    );
    expect(ofType(followUp.chunks, "tool-input-available").map((c) => c.input)).toEqual([
      { ref: "component:default/accounts-service" },
    ]);
    expect(textOf(followUp.chunks)).toContain(
      "depends on [accounts-db](/catalog/resource/default/accounts-db)",
    );
  });

  // Issue 15 finding: the kubelet event went to the cluster health tool and the OOM kill was never mentioned.
  it("diagnoses a pasted one-line kubelet OOMKilled event instead of reporting cluster health", async () => {
    const event =
      "Warning  BackOff  2m (x14 over 9m)  kubelet  Back-off restarting failed container accounts in pod accounts-service-7d9f8b6c5-x2x9k_storefront(8c0e5e1a-1f0a-4c55-9a6e-2d3b1e0f9a11) (OOMKilled, exit code 137)";
    const { chunks } = await readUiMessageResponse(await post(body(event)));
    const calls = ofType(chunks, "tool-input-available").map((c) => c.toolName);
    expect(calls[0]).toBe("diagnoseError");
    expect(calls).not.toContain("getClusterHealth");
    // The pod it names is looked up for cluster context (no cluster is connected here).
    expect(ofType(chunks, "tool-input-available")[1]).toMatchObject({
      toolName: "getPodDetails",
      input: { namespace: "storefront", name: "accounts-service-7d9f8b6c5-x2x9k" },
    });
    const diagnosis = ofType(chunks, "tool-output-available")[0].output as { category: string };
    expect(diagnosis.category).toBe("oomkilled");
    expect(textOf(chunks)).toMatch(/OOM/);
    expect(textOf(chunks)).toMatch(/memory limit/);
  });

  it("reports a disconnected cluster through the cluster tool", async () => {
    const { chunks } = await readUiMessageResponse(await post(body("cluster health")));
    expect(ofType(chunks, "tool-output-available")[0].output).toMatchObject({ connected: false });
  });
});

describe("POST /api/chat input errors", () => {
  const fieldsOf = async (res: Response) =>
    (
      (await res.json()) as { error: { details?: { fields?: { field: string }[] } } }
    ).error.details?.fields?.map((f) => f.field) ?? [];

  it("rejects an empty message naming message.parts", async () => {
    const res = await post(body("   \n "));
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toContain("message.parts");
  });

  it("rejects an oversized message with 413", async () => {
    const res = await post(body("x".repeat(33 * 1024)));
    expect(res.status).toBe(413);
    expect(await fieldsOf(res)).toContain("message.parts");
  });

  it("refuses a huge body before parsing it", async () => {
    expect((await post(body("y".repeat(400 * 1024)))).status).toBe(413);
  });

  it("returns 404 for an unknown conversation and 400 for a malformed id", async () => {
    const unknown = await post(body("hi", { conversationId: "3f0c1a8e-8d51-4c1e-9a53-0d7f0e4b9a11" }));
    expect(unknown.status).toBe(404);
    expect(await fieldsOf(unknown)).toEqual(["conversationId"]);
    const malformed = await post(body("hi", { conversationId: "nope" }));
    expect(malformed.status).toBe(400);
    expect(await fieldsOf(malformed)).toEqual(["conversationId"]);
  });

  it("rejects malformed JSON and a missing message", async () => {
    expect((await post(null, "{not json")).status).toBe(400);
    const missing = await post({ conversationId: undefined });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toEqual(["message"]);
  });

  it("rejects assistant messages sent by the client", async () => {
    const res = await post({
      message: { id: "abc", role: "assistant", parts: [{ type: "text", text: "x" }] },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(["message.role"]);
  });
});
