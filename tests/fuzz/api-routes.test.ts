import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { getDb } from "@/lib/db/client";
import { resetKubeServiceForTests } from "@/lib/k8s/service";
import { getRunbookService, resetRunbookServiceForTests } from "@/lib/runbooks/service-instance";
import { type AppEnvironment, startAppEnvironment } from "@/tests/support/app-environment";
import { startTempChroma, type TempChroma } from "@/tests/support/chroma";
import { type FakeKube, FIXTURES_ROOT, loadScenario, startFakeKube } from "@/tests/support/fake-kube/server";
import { Checker } from "./support/checker";
import { HOSTILE_CORPUS } from "./support/corpus";
import { ProcessErrorRecorder, TableSnapshots } from "./support/invariants";
import { startPgliteProcess } from "./support/pglite-process";
import { requestArb } from "./support/requests";
import { hintsFor, type Pool } from "./support/route-hints";
import { discoverRoutes, type LoadedRoute, loadRoute, ROOT } from "./support/route-table";

/**
 * Property-based fuzzing of every app/api route, in-process, against real PGlite/Postgres,
 * Chroma and the fake Kubernetes API. Properties per request: no 5xx, an answer within the
 * budget, no long event-loop stall, Object.prototype untouched, no unhandled rejection,
 * liveness still answers, and no table changed unless a 2xx write of that route may change it.
 *
 * FUZZ_RUNS (per route and method), FUZZ_SEED, FUZZ_BUDGET_MS, FUZZ_STALL_MS;
 * FUZZ_SOAK=1 for long runs (more runs, random seed unless FUZZ_SEED is given).
 */

const SOAK = process.env.FUZZ_SOAK === "1";
const RUNS = Number(process.env.FUZZ_RUNS ?? (SOAK ? 2000 : 80));
const SEED = Number(process.env.FUZZ_SEED ?? (SOAK ? Date.now() % 2 ** 31 : 20261203));
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 5_000);
// 1 s is the kubelet's default liveness probe timeout: a longer block would fail a real probe.
const STALL_MS = Number(process.env.FUZZ_STALL_MS ?? 1_000);
/** Wall-clock cap per route and method, so CI stays bounded whatever the machine. */
const ROUTE_MS = Number(process.env.FUZZ_ROUTE_MS ?? (SOAK ? 10 * 60_000 : 3_000));

const DEMO_ORG = path.join(ROOT, "prisma/seed/demo-org");
const routes = discoverRoutes();

let app: AppEnvironment;
let chroma: TempChroma;
let kube: FakeKube;
let tables: TableSnapshots;
const recorder = new ProcessErrorRecorder();
let checker: Checker;
const loaded = new Map<string, LoadedRoute>();
const started = performance.now();

function hashSeed(text: string): number {
  let h = SEED | 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

async function refreshPool(): Promise<Pool> {
  const db = getDb();
  const entities = await db.$queryRawUnsafe<Pool["entities"]>(
    "SELECT kind, namespace, name, id::text AS uid FROM catalog_entities ORDER BY random() LIMIT 60",
  );
  const locations = await db.$queryRawUnsafe<{ id: string }[]>(
    "SELECT id::text AS id FROM catalog_locations",
  );
  const conversations = await db.$queryRawUnsafe<{ id: string }[]>(
    "SELECT id::text AS id FROM chat_conversations LIMIT 20",
  );
  const runbooks = await getRunbookService().list();
  const pods = (loadScenario(path.join(FIXTURES_ROOT, "broken")).pods ?? []).map((p) => ({
    namespace: p.metadata?.namespace ?? "default",
    name: p.metadata?.name ?? "x",
  }));
  return {
    entities,
    locationIds: locations.map((l) => l.id),
    conversationIds: conversations.map((c) => c.id),
    runbookIds: runbooks.map((r) => r.id),
    pods,
  };
}

/** Destructive routes may have deleted the demo org or every conversation; put them back between routes. */
async function reseed() {
  const db = getDb();
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM catalog_entities",
  );
  if (n < 50) await ingestFromDirectory(db, DEMO_ORG);
}

beforeAll(async () => {
  const database = process.env.TEST_DATABASE_URL ? undefined : await startPgliteProcess(ROOT);
  [chroma, kube] = await Promise.all([
    startTempChroma("portico-fuzz-chroma-"),
    startFakeKube({ scenario: "broken" }),
  ]);
  app = await startAppEnvironment(
    "fuzz",
    {
      CHROMA_URL: chroma.url,
      // Requests go to http://localhost/… (port 80), so that is the public URL the host check allows.
      PORTICO_PUBLIC_URL: "http://localhost",
      KUBECONFIG: kube.kubeconfigPath,
      KUBERNETES_SERVICE_HOST: undefined,
      GOOGLE_GENERATIVE_AI_API_KEY: undefined,
    },
    database,
  );
  resetRunbookServiceForTests();
  resetKubeServiceForTests();
  (globalThis as { __porticoChatDeps?: unknown }).__porticoChatDeps = undefined;
  const { result } = await ingestFromDirectory(getDb(), DEMO_ORG);
  expect(result.ok).toBe(true);
  await getRunbookService().reindex();

  tables = new TableSnapshots(app.testDb.url);
  await tables.start();
  recorder.start();
  for (const r of routes) loaded.set(r.pattern, await loadRoute(r));
  const health = loaded.get("/api/health")?.handlers.GET;
  if (!health) throw new Error("the fuzzer needs GET /api/health?probe=live as its liveness probe");
  const { proxy } = await import("@/proxy");
  const hints = hintsFor(await refreshPool());
  checker = new Checker({
    budgetMs: BUDGET_MS,
    stallMs: STALL_MS,
    tables,
    recorder,
    liveness: health,
    proxy,
    writes: (route, method) => hints[route]?.writes?.[method] ?? [],
  });
  console.log(
    `[fuzz] seed=${SEED} runs=${RUNS} per route+method, budget=${BUDGET_MS} ms, stall=${STALL_MS} ms, route cap=${ROUTE_MS} ms, ${routes.length} routes, database=${app.testDb.kind}${SOAK ? ", SOAK" : ""}`,
  );
}, 300_000);

afterAll(async () => {
  recorder.stop();
  if (checker) {
    const lines = [...loaded.values()].flatMap((r) =>
      Object.keys(r.handlers).map((m) => {
        const key = `${r.pattern} ${m}`;
        const statuses = [...(checker.statuses.get(key) ?? new Map()).entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s || "none"}:${n}`)
          .join(" ");
        return `  ${String(checker.counts.get(key) ?? 0).padStart(5)}  ${key}  [${statuses}]`;
      }),
    );
    const total = [...checker.counts.values()].reduce((a, b) => a + b, 0);
    const findings = checker.report();
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify(
          {
            seed: SEED,
            counts: Object.fromEntries(checker.counts),
            findings: [...checker.findings.values()],
          },
          null,
          2,
        ),
      );
    }
    console.log(
      `[fuzz] summary: ${total} requests in ${Math.round((performance.now() - started) / 1000)} s (seed ${SEED})\n${lines.join("\n")}\n[fuzz] ${findings.length} finding(s)${findings.length ? `:\n${findings.join("\n")}` : ""}`,
    );
  }
  await tables?.stop();
  await app?.stop();
  await Promise.allSettled([chroma?.dispose(), kube?.stop()]);
}, 120_000);

describe("API fuzz", () => {
  it("knows how to call every method every route exports", () => {
    const problems = [...loaded.values()].flatMap((r) => [
      ...r.unknownExports.map((e) => `${r.file} exports ${e}, which the fuzzer does not know how to call`),
      ...(Object.keys(r.handlers).length ? [] : [`${r.file} exports no GET/POST/PUT/PATCH/DELETE handler`]),
    ]);
    expect(problems).toEqual([]);
    expect(loaded.size).toBe(routes.length);
  });

  it("catches each property on synthetic handlers (the checker can fail)", async () => {
    const db = getDb();
    const probe = (property: string, handler: (req: Request) => Promise<Response>) =>
      checker.run(`/selftest/${property}`, handler, {
        method: "GET",
        params: {},
        url: "http://localhost/selftest",
        headers: {},
      });
    const json = (status = 200) => Response.json({}, { status });
    await probe("5xx", async () => json(500));
    await probe("prototype", async () => {
      (Object.prototype as Record<string, unknown>).fuzzSelfTest = 1;
      return json();
    });
    await probe("data", async () => {
      await db.$executeRawUnsafe(
        "INSERT INTO system_settings (key, value, updated_at) VALUES ('fuzz-selftest', '1', now())",
      );
      await db.$executeRawUnsafe("DELETE FROM system_settings WHERE key = 'fuzz-selftest'");
      return json();
    });
    await probe("unhandled", async () => {
      void Promise.reject(new Error("fuzz self-test rejection"));
      return json();
    });
    await probe("stall", async () => {
      const until = Date.now() + STALL_MS + 200;
      while (Date.now() < until) {}
      return json();
    });
    const seen = [...checker.findings.entries()].filter(([key]) => key.startsWith("/selftest/"));
    for (const [key] of seen) checker.findings.delete(key);
    for (const [key] of [...checker.counts]) if (key.startsWith("/selftest/")) checker.counts.delete(key);
    expect(new Set(seen.map(([, f]) => f.route.slice("/selftest/".length)))).toEqual(
      new Set(["5xx", "prototype", "data", "unhandled", "stall"]),
    );
    expect(seen.every(([, f]) => f.route.endsWith(f.property))).toBe(true);
  });

  it("survives a corpus of known-hostile requests (planted before the random runs, so reads walk hostile data)", async () => {
    for (const { route, request } of HOSTILE_CORPUS) {
      const handler = loaded.get(route)?.handlers[request.method];
      if (!handler) throw new Error(`corpus names ${request.method} ${route}, which no route exports`);
      await checker.run(route, handler, request);
    }
    // Findings are reported by each route's own test below.
    expect([...checker.counts.values()].reduce((a, b) => a + b, 0)).toBe(HOSTILE_CORPUS.length);
  });

  for (const route of routes) {
    it(
      route.pattern,
      async () => {
        const r = loaded.get(route.pattern);
        if (!r) throw new Error(`${route.file} did not load`);
        await reseed();
        const hints = hintsFor(await refreshPool())[route.pattern] ?? {};
        for (const [method, handler] of Object.entries(r.handlers)) {
          const arb = requestArb(r, method as never, hints);
          let i = 0;
          // The property itself never throws: every violation is recorded, so one run reports all of them.
          await fc.assert(
            fc.asyncProperty(arb, async (request) => {
              await checker.run(route.pattern, handler, request);
              i++;
            }),
            {
              seed: hashSeed(`${route.pattern} ${method}`),
              numRuns: RUNS,
              interruptAfterTimeLimit: ROUTE_MS,
              markInterruptAsFailure: false,
            },
          );
          expect(i).toBeGreaterThan(0);
        }
        const findings = checker.report().filter((f) => f.includes(`] ${route.pattern} `));
        expect(findings).toEqual([]);
      },
      ROUTE_MS * 6 + 60_000,
    );
  }
});
