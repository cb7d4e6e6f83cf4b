import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/diagnose/route";
import type { Db } from "@/lib/db/client";
import { diagnoseResponseSchema } from "@/lib/diagnose/schema";
import { FAKE_DIAGNOSIS, type FakeOpenAiServer, startFakeOpenAi } from "../support/fake-openai/server";
import { createTestDatabase, type TestDatabase } from "../support/postgres";
import { useLocalModelEnv } from "./support/local-model-env";

/**
 * Diagnosis through a local OpenAI-compatible model (issue 15 item 4): the
 * exported route, configured by environment, asks the loopback fake for
 * structured output (a JSON schema in response_format) and validates the
 * answer with the zod schema; anything else falls back to the offline engine.
 */
let testDb: TestDatabase;
let fake: FakeOpenAiServer;
let restoreEnv: () => void;

const fakePw = ["hunt", "er-", "fake", "-42"].join("");
const LOG = [
  "Last State:     Terminated",
  "  Reason:       OOMKilled",
  "  Exit Code:    137",
  `DATABASE_URL=postgres://app:${fakePw}@db:5432/app`,
].join("\n");

beforeAll(async () => {
  [testDb, fake] = await Promise.all([createTestDatabase(), startFakeOpenAi()]);
  restoreEnv = useLocalModelEnv({
    DATABASE_URL: testDb.url,
    PORTICO_AI_BASE_URL: fake.url,
    PORTICO_AI_MODEL: "qwen2.5:7b",
  });
}, 120_000);

afterAll(async () => {
  restoreEnv?.();
  const holder = globalThis as { __porticoDb?: Db };
  await holder.__porticoDb?.$disconnect();
  holder.__porticoDb = undefined;
  await Promise.all([fake?.close(), testDb?.stop()]);
});

async function diagnose(errorMessage = LOG) {
  const res = await POST(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ error_message: errorMessage }),
    }),
  );
  expect(res.status).toBe(200);
  return diagnoseResponseSchema.parse(await res.json());
}

describe("POST /api/diagnose with a local OpenAI-compatible model", () => {
  it("asks for schema-constrained JSON and returns the model's validated diagnosis", async () => {
    const before = fake.requests.length;
    const body = await diagnose();
    expect(body.engine).toBe("openai-compatible");
    expect(body.degraded).not.toContain("llm");
    expect(body.category).toBe(FAKE_DIAGNOSIS.category);
    expect(body.root_cause).toContain("OOM-killed");
    // Destructive flags are computed locally, never taken from the model.
    const del = body.fix_commands.find((c) => c.command.startsWith("kubectl delete pod"));
    expect(del?.destructive).toBe(true);

    const request = fake.requests[before];
    expect(request.body.model).toBe("qwen2.5:7b");
    expect(request.body.stream).not.toBe(true);
    const format = request.body.response_format as {
      type: string;
      json_schema: { schema: { properties: { category: { enum: string[] } } } };
    };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.schema.properties.category.enum).toContain("oomkilled");
    expect(JSON.stringify(request.body)).not.toContain(fakePw);
    expect(request.authorization).toBeUndefined();
  });

  it("accepts JSON a small model wrapped in a code fence", async () => {
    fake.script.push({ content: `Sure! Here it is:\n\`\`\`json\n${JSON.stringify(FAKE_DIAGNOSIS)}\n\`\`\`` });
    const body = await diagnose();
    expect(body.engine).toBe("openai-compatible");
    expect(body.category).toBe("oomkilled");
  });

  it("falls back to the offline engine when the answer fails the schema", async () => {
    fake.script.push({ json: { ...FAKE_DIAGNOSIS, category: "gremlins", severity: "apocalyptic" } });
    const body = await diagnose();
    expect(body.engine).toBe("offline");
    expect(body.degraded).toContain("llm");
    expect(body.category).toBe("oomkilled");
  });

  it("falls back to the offline engine when the server answers prose", async () => {
    fake.script.push({ content: "I think the pod ran out of memory." });
    const body = await diagnose();
    expect(body.engine).toBe("offline");
    expect(body.degraded).toContain("llm");
  });
});
