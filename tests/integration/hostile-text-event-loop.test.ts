import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as chatPost } from "@/app/api/chat/route";
import { POST as diagnosePost } from "@/app/api/diagnose/route";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";
import { resetKubeServiceForTests } from "@/lib/k8s/service";
import { resetRunbookServiceForTests } from "@/lib/runbooks/service-instance";
import { createTestDatabase, type TestDatabase } from "@/tests/support/postgres";

/**
 * Issue 10, item 2: four concurrent 32 KB messages of `a` or `.` kept the
 * liveness probe waiting 3.4 s, because offline chat and the prompt builder
 * ran backtracking regexes on them. Here the real route handlers get hostile
 * bodies four at a time while a timer measures how late the event loop runs
 * it; a late timer is exactly what a waiting liveness probe sees.
 */
const ENV_KEYS = [
  "CHROMA_URL",
  "DATABASE_URL",
  "KUBECONFIG",
  "KUBERNETES_SERVICE_HOST",
  "GOOGLE_GENERATIVE_AI_API_KEY",
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const dbHolder = globalThis as { __porticoDb?: Db };
// Measured 90–250 ms on a shared 2-core CI box (four requests' synchronous parts
// chain in microtasks); the unfixed code took seconds.
const MAX_LAG_MS = 400;
const SIZE = 32 * 1024 - 16;

const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const HOSTILE = [
  fill("a"),
  fill("."),
  `${fill("a")}!`.slice(1),
  `runbook ${fill(" ")}`.slice(0, SIZE),
  fill("Error"),
  fill("how to "),
  `pod ${fill("a-")}`.slice(0, SIZE),
  `${fill(".")}`.slice(1) + "a",
  `<${fill(" ")}`.slice(0, SIZE),
  fill('password="'),
];

let testDb: TestDatabase;
let seq = 0;

function configure(env: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>) {
  for (const k of ENV_KEYS) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  resetServerConfigForTests();
  resetRunbookServiceForTests();
  resetKubeServiceForTests();
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  // Offline chat and diagnosis (no key), no cluster, keyword-only runbooks.
  configure({ DATABASE_URL: testDb.url });
});

afterAll(async () => {
  await dbHolder.__porticoDb?.$disconnect();
  dbHolder.__porticoDb = undefined;
  configure(savedEnv);
  await testDb?.stop();
});

/** Runs `work` while a 10 ms timer records how late each tick fires. */
async function maxTimerLag(work: () => Promise<unknown>): Promise<number> {
  let lag = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - expected);
    expected = now + 10;
  }, 10);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return lag;
}

function chat(text: string) {
  const body = {
    message: { id: `hostile${(seq++).toString(36)}`, role: "user", parts: [{ type: "text", text }] },
  };
  return chatPost(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  ).then(async (res) => {
    await res.text();
    return res.status;
  });
}

function diagnose(text: string) {
  return diagnosePost(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ error_message: text }),
    }),
  ).then(async (res) => {
    await res.text();
    return res.status;
  });
}

describe("hostile text does not block the event loop", () => {
  it("warm-up: both routes answer a normal request", async () => {
    expect(await chat("who owns checkout-api?")).toBe(200);
    expect(await diagnose("Reason: OOMKilled\nExit Code: 137")).toBe(200);
  }, 60_000);

  for (const [name, send] of [
    ["chat", chat],
    ["diagnose", diagnose],
  ] as const) {
    it(`${name}: four concurrent 32 KB hostile bodies, timer lag under ${MAX_LAG_MS} ms`, async () => {
      const late: string[] = [];
      for (let i = 0; i < HOSTILE.length; i += 4) {
        const batch = HOSTILE.slice(i, i + 4);
        let statuses: number[] = [];
        const lag = await maxTimerLag(async () => {
          statuses = await Promise.all(batch.map((t) => send(t)));
        });
        expect(statuses).toEqual(batch.map(() => 200));
        if (lag > MAX_LAG_MS) late.push(`batch ${i / 4}: ${lag.toFixed(0)} ms`);
      }
      expect(late).toEqual([]);
    }, 120_000);
  }
});
