import { writeFileSync } from "node:fs";
import path from "node:path";
import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { handleChat } from "@/lib/chat/handle-chat";
import { chatRequestSchema } from "@/lib/chat/request";
import { readUiMessageResponse } from "@/lib/chat/sse";
import { createChatToolDeps } from "@/lib/chat/tool-deps";
import type { ChatToolDeps } from "@/lib/chat/tools";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { createDb, type Db } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { getRunbookService } from "@/lib/runbooks/service-instance";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { CHAT_EVAL, type EvalConversation, type EvalTurn } from "./support/chat-eval-cases";
import { fakeClusterHealth, fakePodDetails } from "./support/chat-fake-cluster";

/**
 * Chat evaluation (issue 15 item 6): 40 scripted conversations run offline
 * through handleChat with the real catalog (demo org), runbook and diagnosis
 * wiring and a fixed fake cluster. Each turn must call the expected tools
 * with the expected arguments and state the expected facts. Prints the pass
 * count and writes test-results/chat-eval.json; any failing conversation
 * fails the suite, so a routing regression cannot pass CI.
 */
let testDb: TestDatabase;
let db: Db;
let tools: ChatToolDeps;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = createDb(testDb.url, { max: 2 });
  const { result } = await ingestFromDirectory(db, path.resolve(__dirname, "../../prisma/seed/demo-org"));
  expect(result.ok).toBe(true);
  delete process.env.GOOGLE_GENERATIVE_AI_API_KEY;
  delete process.env.CHROMA_URL;
  resetServerConfigForTests();
  const real = createChatToolDeps({
    catalogDb: db,
    runbooks: getRunbookService(),
    clusterHealth: async () => {
      throw new Error("replaced below");
    },
    podContext: async () => {
      throw new Error("replaced below");
    },
  });
  tools = { ...real, clusterHealth: fakeClusterHealth, podDetails: fakePodDetails };
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await testDb?.stop();
});

let seq = 0;
const newId = () => `eval${Date.now().toString(36)}${(seq++).toString(36)}`;

const ofType = <T extends UIMessageChunk["type"]>(chunks: UIMessageChunk[], type: T) =>
  chunks.filter((c): c is Extract<UIMessageChunk, { type: T }> => c.type === type);

function isSubset(expected: Record<string, unknown>, actual: unknown): boolean {
  if (typeof actual !== "object" || actual === null) return false;
  const a = actual as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) => Object.hasOwn(a, k) && a[k] === v);
}

/** Every way the turn's answer differs from what the script expects (empty = pass). */
function judge(turn: EvalTurn, chunks: UIMessageChunk[]): string[] {
  const problems: string[] = [];
  const calls = ofType(chunks, "tool-input-available");
  const names = calls.map((c) => c.toolName);
  if (names.join(",") !== turn.tools.join(",")) {
    problems.push(`tools: expected [${turn.tools.join(", ")}], got [${names.join(", ")}]`);
  }
  turn.inputs?.forEach((want, i) => {
    if (calls[i] && !isSubset(want, calls[i].input)) {
      problems.push(`input ${i}: expected ${JSON.stringify(want)}, got ${JSON.stringify(calls[i].input)}`);
    }
  });
  if (turn.category) {
    const out = ofType(chunks, "tool-output-available")[0]?.output as { category?: string } | undefined;
    if (out?.category !== turn.category)
      problems.push(`category: expected ${turn.category}, got ${out?.category}`);
  }
  const text = ofType(chunks, "text-delta")
    .map((c) => c.delta)
    .join("");
  const lower = text.toLowerCase();
  for (const fact of turn.facts)
    if (!lower.includes(fact.toLowerCase())) problems.push(`missing fact "${fact}"`);
  for (const bad of turn.absent ?? [])
    if (lower.includes(bad.toLowerCase())) problems.push(`states "${bad}"`);
  if (problems.length) problems.push(`answer: ${text.slice(0, 600)}`);
  return problems;
}

async function runConversation(conversation: EvalConversation): Promise<string[]> {
  let conversationId: string | undefined;
  const problems: string[] = [];
  for (const [i, turn] of conversation.turns.entries()) {
    const request = chatRequestSchema.parse({
      conversationId,
      message: { id: newId(), role: "user", parts: [{ type: "text", text: turn.say }] },
    });
    const res = await handleChat(request, {
      db,
      owner: "local:eval",
      model: null,
      tools,
      redact: redactSecrets,
    });
    conversationId ??= res.headers.get("x-conversation-id") ?? undefined;
    const { chunks, done } = await readUiMessageResponse(res);
    if (!done) problems.push(`turn ${i + 1}: stream did not finish`);
    problems.push(...judge(turn, chunks).map((p) => `turn ${i + 1} ("${turn.say.slice(0, 60)}"): ${p}`));
  }
  return problems;
}

const results = new Map<string, string[]>();

describe("chat evaluation (offline, 40 scripted conversations)", () => {
  it("has 40 conversations covering every kind", () => {
    expect(CHAT_EVAL).toHaveLength(40);
    expect(new Set(CHAT_EVAL.map((c) => c.id)).size).toBe(40);
    for (const kind of ["entity", "error", "cluster", "follow-up"]) {
      expect(CHAT_EVAL.filter((c) => c.kind === kind).length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(CHAT_EVAL.map((c) => [c.id, c] as const))("%s", async (_id, conversation) => {
    const problems = await runConversation(conversation);
    results.set(conversation.id, problems);
    expect(problems).toEqual([]);
  });

  afterAll(() => {
    const passed = [...results.values()].filter((p) => p.length === 0).length;
    const byKind = Object.fromEntries(
      ["entity", "error", "cluster", "follow-up"].map((kind) => {
        const of = CHAT_EVAL.filter((c) => c.kind === kind && results.has(c.id));
        return [kind, `${of.filter((c) => results.get(c.id)?.length === 0).length}/${of.length}`];
      }),
    );
    console.log(`chat eval: ${passed}/${results.size} conversations passed ${JSON.stringify(byKind)}`);
    try {
      writeFileSync(
        path.resolve(__dirname, "../../test-results/chat-eval.json"),
        JSON.stringify(
          {
            passed,
            total: results.size,
            byKind,
            failures: Object.fromEntries([...results].filter(([, p]) => p.length)),
          },
          null,
          2,
        ),
      );
    } catch {
      // test-results/ may not exist in a bare checkout; the console line is the report.
    }
  });
});
