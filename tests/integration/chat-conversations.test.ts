import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as chat } from "@/app/api/chat/route";
import { DELETE, GET as getOne, PATCH } from "@/app/api/conversations/[id]/route";
import { GET as list } from "@/app/api/conversations/route";
import { readUiMessageResponse } from "@/lib/chat/sse";
import type { ConversationSummary, ConversationWithMessages } from "@/lib/chat/types";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../support/postgres";

let testDb: TestDatabase;
const holder = globalThis as { __porticoDb?: Db; __porticoChatDeps?: unknown };

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  delete process.env.GOOGLE_GENERATIVE_AI_API_KEY;
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
  holder.__porticoDb = undefined;
  holder.__porticoChatDeps = undefined;
  resetServerConfigForTests();
});

afterAll(async () => {
  await holder.__porticoDb?.$disconnect();
  holder.__porticoDb = undefined;
  holder.__porticoChatDeps = undefined;
  await testDb?.stop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (id = "") => `http://localhost/api/conversations${id ? `/${id}` : ""}`;

async function startConversation(text: string): Promise<string> {
  const res = await chat(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        message: {
          id: `m${Math.random().toString(36).slice(2)}`,
          role: "user",
          parts: [{ type: "text", text }],
        },
      }),
    }),
  );
  expect(res.status).toBe(200);
  await readUiMessageResponse(res);
  const id = res.headers.get("x-conversation-id");
  if (!id) throw new Error("no conversation id");
  return id;
}

describe("conversation API", () => {
  it("lists conversations newest first with titles from the first message", async () => {
    const a = await startConversation("hello there");
    const b = await startConversation("  is the cluster healthy?\nsecond line");
    const res = await list(new Request(url()));
    const { conversations } = (await res.json()) as { conversations: ConversationSummary[] };
    expect(conversations.map((c) => c.id).slice(0, 2)).toEqual([b, a]);
    expect(conversations[0].title).toBe("is the cluster healthy?");
    const limited = (await (await list(new Request(`${url()}?limit=1`))).json()) as {
      conversations: unknown[];
    };
    expect(limited.conversations).toHaveLength(1);
    expect((await list(new Request(`${url()}?limit=0`))).status).toBe(400);
  });

  it("returns a conversation with its messages in order, tool parts included", async () => {
    const id = await startConversation("cluster health");
    const res = await getOne(new Request(url(id)), params(id));
    expect(res.status).toBe(200);
    const conversation = (await res.json()) as ConversationWithMessages;
    expect(conversation.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(conversation.messages[1].parts.some((p) => p.type === "tool-getClusterHealth")).toBe(true);
    expect(conversation.messages[1].metadata).toMatchObject({ mode: "offline" });
  });

  it("renames, validating the title", async () => {
    const id = await startConversation("rename me");
    const patch = (body: unknown) =>
      PATCH(
        new Request(url(id), {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        params(id),
      );
    const ok = await patch({ title: "  Payments outage  " });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as ConversationSummary).title).toBe("Payments outage");
    const empty = await patch({ title: "   " });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain('"field":"title"');
    expect((await patch({ title: "x".repeat(121) })).status).toBe(400);
  });

  it("deletes a conversation and its messages", async () => {
    const id = await startConversation("delete me");
    const del = await DELETE(new Request(url(id), { method: "DELETE" }), params(id));
    expect(del.status).toBe(204);
    expect((await getOne(new Request(url(id)), params(id))).status).toBe(404);
    expect((await DELETE(new Request(url(id), { method: "DELETE" }), params(id))).status).toBe(404);
    const count = await holder.__porticoDb?.message.count({ where: { conversationId: id } });
    expect(count).toBe(0);
  });

  it("answers 404 for unknown ids and 400 for malformed ones", async () => {
    const unknown = "0b5f5a8e-1111-4c1e-9a53-0d7f0e4b9a11";
    expect((await getOne(new Request(url(unknown)), params(unknown))).status).toBe(404);
    const renameUnknown = await PATCH(
      new Request(url(unknown), {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "x" }),
      }),
      params(unknown),
    );
    expect(renameUnknown.status).toBe(404);
    const bad = await getOne(new Request(url("not-a-uuid")), params("not-a-uuid"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"field":"id"');
  });
});
