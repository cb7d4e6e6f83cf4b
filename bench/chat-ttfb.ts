/**
 * Chat TTFB benchmark: `npx tsx bench/chat-ttfb.ts [--requests 200] [--streams 200]`.
 * Calls the chat handler (request parsing → conversation + user message saved →
 * UI message stream) with a zero-latency mock model and measures, server side,
 * the time from the call to the first streamed byte and to the first model
 * token, then holds many streams open to estimate memory per open stream.
 * Uses TEST_DATABASE_URL's server when set (a throwaway database), otherwise
 * embedded PGlite. Prints JSON.
 */

import { randomUUID } from "node:crypto";
import { handleChat } from "@/lib/chat/handle-chat";
import { chatRequestSchema } from "@/lib/chat/request";
import { createScriptedModel } from "@/lib/chat/scripted-model";
import type { ChatToolDeps } from "@/lib/chat/tools";
import { createDb } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { createTestDatabase } from "@/tests/support/test-database";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg("requests", 200);
const STREAMS = arg("streams", 200);
const WARMUP = 20;

const unused = async (): Promise<never> => {
  throw new Error("tool not used in the bench");
};
const tools: ChatToolDeps = {
  diagnose: unused,
  searchRunbooks: unused,
  clusterHealth: unused,
  podDetails: unused,
  findEntities: unused,
  getEntity: unused,
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (n: number) => Math.round(n * 100) / 100;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s[s.length - 1]) };
};

const request = (text: string) =>
  chatRequestSchema.parse({
    message: { id: `b${randomUUID().slice(0, 18)}`, role: "user", parts: [{ type: "text", text }] },
  });

async function main() {
  const store = await createTestDatabase();
  // PGlite serves one session at a time; the launcher also keeps its pool small.
  const db = createDb(store.url, { max: store.kind === "pglite" ? 1 : 10 });
  const fast = createScriptedModel([{ text: ["Hello", " from", " the", " mock", " model."] }]);
  const deps = { db, owner: "bench", model: fast.model, tools, redact: redactSecrets };
  const decoder = new TextDecoder();

  const ttfb: number[] = [];
  const firstToken: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await handleChat(request(`bench question ${i}: is the payments API healthy?`), deps);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let first: number | null = null;
    let token: number | null = null;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      first ??= performance.now() - t0;
      if (token === null && decoder.decode(value).includes('"text-delta"')) token = performance.now() - t0;
    }
    if (i >= WARMUP && first !== null && token !== null) {
      ttfb.push(first);
      firstToken.push(token);
    }
  }

  // Streams whose model never finishes: measure what each open stream holds.
  const gc = (globalThis as { gc?: () => void }).gc;
  const slow = createScriptedModel([{ text: ["never"] }], { chunkDelayMs: 120_000 });
  const slowDeps = { ...deps, model: slow.model };
  gc?.();
  const before = process.memoryUsage();
  const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
  for (let i = 0; i < STREAMS; i++) {
    const res = await handleChat(request(`open stream ${i}`), slowDeps);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    readers.push(reader);
  }
  gc?.();
  const after = process.memoryUsage();
  await Promise.all(readers.map((r) => r.cancel().catch(() => {})));
  const ttfbStats = stats(ttfb);
  console.log(
    JSON.stringify(
      {
        bench: "chat-ttfb",
        database: store.kind,
        requests: REQUESTS,
        ttfb_ms: ttfbStats,
        first_model_token_ms: stats(firstToken),
        target_p50_ms: 50,
        meets_target: ttfbStats.p50 <= 50,
        open_streams: STREAMS,
        heap_per_open_stream_kb: round((after.heapUsed - before.heapUsed) / STREAMS / 1024),
        rss_per_open_stream_kb: round((after.rss - before.rss) / STREAMS / 1024),
        gc_forced: Boolean(gc),
        note: "TTFB includes creating the conversation and saving the user message before the stream starts.",
      },
      null,
      2,
    ),
  );
  // Cancelling makes each stream save its partial answer; let those writes land before the database goes away.
  const deadline = Date.now() + 10_000;
  while (
    Date.now() < deadline &&
    (await db.message.count({ where: { role: "assistant" } }).catch(() => 0)) < WARMUP + REQUESTS + STREAMS
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }

  await db.$disconnect();
  await store.stop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
