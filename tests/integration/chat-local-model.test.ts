import path from "node:path";
import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { readUiMessageResponse } from "@/lib/chat/sse";
import { loadMessages } from "@/lib/chat/store";
import { createDb, type Db } from "@/lib/db/client";
import { type FakeOpenAiServer, startFakeOpenAi } from "../support/fake-openai/server";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { useLocalModelEnv } from "./support/local-model-env";

/**
 * Chat through a local OpenAI-compatible model (issue 15 item 4): the exported
 * route, configured by PORTICO_AI_BASE_URL/PORTICO_AI_MODEL/PORTICO_AI_API_KEY,
 * talks SSE to a loopback fake server that streams tool calls and text; the
 * six read-only tools run against the seeded demo catalog.
 */
let testDb: TestDatabase;
let db: Db;
let fake: FakeOpenAiServer;
let restoreEnv: () => void;
const API_KEY = "local-model-test-key";

beforeAll(async () => {
  [testDb, fake] = await Promise.all([createTestDatabase(), startFakeOpenAi({ apiKey: API_KEY })]);
  db = createDb(testDb.url, { max: 2 });
  const { result } = await ingestFromDirectory(db, path.resolve(__dirname, "../../prisma/seed/demo-org"));
  expect(result.ok).toBe(true);
  restoreEnv = useLocalModelEnv({
    DATABASE_URL: testDb.url,
    PORTICO_AI_BASE_URL: fake.url,
    PORTICO_AI_MODEL: "fake-model",
    PORTICO_AI_API_KEY: API_KEY,
  });
}, 120_000);

afterAll(async () => {
  restoreEnv?.();
  await db?.$disconnect();
  const holder = globalThis as { __porticoDb?: Db };
  await holder.__porticoDb?.$disconnect();
  holder.__porticoDb = undefined;
  await Promise.all([fake?.close(), testDb?.stop()]);
});

let seq = 0;
const post = (text: string, conversationId?: string) =>
  POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        conversationId,
        message: {
          id: `local${Date.now().toString(36)}${seq++}`,
          role: "user",
          parts: [{ type: "text", text }],
        },
      }),
    }),
  );

const ofType = <T extends UIMessageChunk["type"]>(chunks: UIMessageChunk[], type: T) =>
  chunks.filter((c): c is Extract<UIMessageChunk, { type: T }> => c.type === type);

describe("POST /api/chat with a local OpenAI-compatible model", () => {
  it("round-trips a streamed tool call: the model calls getEntity, sees the result and answers", async () => {
    const before = fake.requests.length;
    const res = await post("Who owns accounts-service?");
    expect(res.status).toBe(200);
    const { chunks, done } = await readUiMessageResponse(res);
    expect(done).toBe(true);
    expect(ofType(chunks, "error")).toEqual([]);

    // The stream carries the model's tool call, the tool's real output and the model's text.
    expect(ofType(chunks, "tool-input-available").map((c) => [c.toolName, c.input])).toEqual([
      ["getEntity", { ref: "component:default/accounts-service" }],
    ]);
    const output = ofType(chunks, "tool-output-available")[0].output as { owner: { ref: string } };
    expect(output.owner.ref).toBe("group:default/customer-accounts-team");
    const text = ofType(chunks, "text-delta")
      .map((c) => c.delta)
      .join("");
    expect(text).toContain("The fake model read the tool result");
    expect(text).toContain("customer-accounts-team");

    // What went over the wire: two streamed chat.completions calls with the key, the
    // six read-only tools offered, and the tool result sent back as a `tool` message.
    const calls = fake.requests.slice(before);
    expect(calls).toHaveLength(2);
    for (const c of calls) {
      expect(c.authorization).toBe(`Bearer ${API_KEY}`);
      expect(c.body).toMatchObject({ model: "fake-model", stream: true });
    }
    expect(calls[0].body.tools?.map((t) => t.function.name).sort()).toEqual([
      "diagnoseError",
      "findEntities",
      "getClusterHealth",
      "getEntity",
      "getPodDetails",
      "searchRunbooks",
    ]);
    const toolMessage = calls[1].body.messages?.find((m) => m.role === "tool");
    expect(JSON.stringify(toolMessage?.content)).toContain("customer-accounts-team");

    const conversationId = res.headers.get("x-conversation-id") as string;
    const saved = await loadMessages(db, conversationId);
    expect(saved[1].metadata).toMatchObject({ mode: "model" });
    expect(saved[1].parts.some((p) => p.type === "tool-getEntity")).toBe(true);
  });

  it("runs scripted multi-step tool calls (diagnose, then runbooks) and never sends secrets", async () => {
    const secret = ["hunter2", "supersecret"].join("");
    fake.script.push(
      { toolCalls: [{ name: "diagnoseError", arguments: { text: "Reason: OOMKilled\nExit Code: 137" } }] },
      { toolCalls: [{ name: "searchRunbooks", arguments: { query: "OOMKilled" } }] },
      { text: ["The pod ", "ran out of memory; see ", "/runbooks/oomkilled."] },
    );
    const before = fake.requests.length;
    const { chunks } = await readUiMessageResponse(
      await post(`Last State: Terminated\nReason: OOMKilled\nExit Code: 137\npassword=${secret}`),
    );
    expect(ofType(chunks, "tool-input-available").map((c) => c.toolName)).toEqual([
      "diagnoseError",
      "searchRunbooks",
    ]);
    const diagnosis = ofType(chunks, "tool-output-available")[0].output as { category: string };
    expect(diagnosis.category).toBe("oomkilled");
    expect(
      ofType(chunks, "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("The pod ran out of memory; see /runbooks/oomkilled.");
    const sent = JSON.stringify(fake.requests.slice(before).map((r) => r.body));
    expect(sent).not.toContain(secret);
    expect(sent).toContain("REDACTED");
  });

  it("ends with an error part naming the failure when the server refuses", async () => {
    // The SDK retries twice before it gives up.
    const refusal = { status: 503, error: "model is loading" };
    fake.script.push(refusal, refusal, refusal);
    const { chunks, done } = await readUiMessageResponse(await post("hello"));
    expect(done).toBe(true);
    expect(ofType(chunks, "error")[0]?.errorText).toContain("model is loading");
  });
});
