import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it, vi } from "vitest";
import { diagnose } from "./diagnose";
import { diagnoseResponseSchema } from "./schema";

const fakePw = ["pa", "ss", "-fake-", "99"].join("");
const log = [
  `2024-06-04 ERROR connecting postgres://svc:${fakePw}@db:5432/app`,
  "Traceback (most recent call last):",
  'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known',
  "api-7d9f8b6c5-x2x9z   0/1   CrashLoopBackOff   5   4m",
].join("\n");

function result(obj: unknown): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text: JSON.stringify(obj) }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 1, text: 1, reasoning: 0 },
    },
    warnings: [],
  };
}

const runbook = {
  id: "dns",
  title: "DNS failures",
  url: "/runbooks/dns",
  score: 0.91,
  excerpt: "Check CoreDNS.",
};

describe("diagnose", () => {
  it("runs fully offline with no dependencies and a valid response", async () => {
    const r = await diagnose({ error_message: log }, { requestId: "req-1" });
    expect(diagnoseResponseSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      request_id: "req-1",
      engine: "offline",
      category: "dns_resolution",
      degraded: [],
    });
    expect(JSON.stringify(r)).not.toContain(fakePw);
    expect(r.timings_ms).toHaveProperty("redact");
    expect(r.timings_ms).toHaveProperty("analyze");
    expect(r.timings_ms).toHaveProperty("total");
  });

  it("uses runbooks, pod context and owner, redacting structured data", async () => {
    const searchRunbooks = vi.fn(async (_query: string, _topK: number) => ({
      results: [runbook],
      degraded: [] as string[],
    }));
    const r = await diagnose(
      {
        error_message: log,
        namespace: "shop",
        pod_name: "api-7d9f8b6c5-x2x9z",
        include_cluster_health: true,
        entity_ref: "component:default/api",
      },
      {
        requestId: "req-2",
        searchRunbooks,
        getPodContext: async () => ({ phase: "Running", env: [{ name: "DB_PASSWORD", value: fakePw }] }),
        findOwner: async () => ({ team: "payments" }),
      },
    );
    // The root cause is boosted; its runbooks and the runner-up's lead the results.
    expect(searchRunbooks).toHaveBeenCalledWith(expect.stringContaining("dns_resolution"), 3, {
      category: "dns_resolution",
      prefer: ["dns_resolution", "crashloopbackoff"],
    });
    expect(searchRunbooks.mock.calls[0][0]).not.toContain(fakePw);
    expect(r.runbooks).toEqual([{ id: "dns", title: "DNS failures", url: "/runbooks/dns", score: 0.91 }]);
    expect(r.k8s_context).toMatchObject({ phase: "Running" });
    expect(JSON.stringify(r.k8s_context)).not.toContain(fakePw);
    expect(r.owner).toEqual({ team: "payments" });
    expect(r.root_cause).toContain("DNS failures");
    expect(r.fix_commands[0].command).toContain("-n shop");
    expect(r.degraded).toEqual([]);
  });

  it("turns every failing dependency into a degraded entry", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("quota exceeded");
      },
    });
    const onLlmFailure = vi.fn();
    const r = await diagnose(
      {
        error_message: log,
        namespace: "shop",
        pod_name: "api-0",
        include_cluster_health: true,
        entity_ref: "x",
      },
      {
        requestId: "req-3",
        model,
        onLlmFailure,
        searchRunbooks: async () => {
          throw new Error("chroma down");
        },
        getPodContext: async () => {
          throw new Error("403");
        },
        findOwner: () => new Promise(() => undefined),
        dependencyTimeoutMs: 30,
      },
    );
    expect(new Set(r.degraded)).toEqual(new Set(["vector_store", "kubernetes", "catalog", "llm"]));
    expect(r.engine).toBe("offline");
    expect(r.category).toBe("dns_resolution");
    expect(onLlmFailure).toHaveBeenCalledWith(expect.objectContaining({ reason: "api_error" }));
  });

  it("passes through degraded entries reported by the runbook search", async () => {
    const r = await diagnose(
      { error_message: log },
      { requestId: "r", searchRunbooks: async () => ({ results: [], degraded: ["embeddings"] }) },
    );
    expect(r.degraded).toEqual(["embeddings"]);
  });

  it("reports requested-but-unwired cluster and catalog lookups as degraded", async () => {
    const r = await diagnose(
      { error_message: log, namespace: "a", pod_name: "b", include_cluster_health: true, entity_ref: "c" },
      { requestId: "r" },
    );
    expect(r.degraded.sort()).toEqual(["catalog", "kubernetes"]);
  });

  it("uses the model's diagnosis when it succeeds and never sends secrets", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () =>
        result({
          category: "dns_resolution",
          severity: "high",
          root_cause: "The service name db does not resolve in namespace shop.",
          fix_commands: [{ command: "kubectl get svc -n shop", description: "List services." }],
          prevention_tips: ["Use FQDNs."],
        }),
    });
    const r = await diagnose(
      { error_message: log, namespace: "shop", pod_name: "api-0", include_cluster_health: true },
      { requestId: "r", model, getPodContext: async () => ({ env: [{ name: "API_TOKEN", value: fakePw }] }) },
    );
    expect(r.engine).toBe("gemini");
    expect(r.root_cause).toContain("does not resolve");
    expect(r.classifications.length).toBeGreaterThan(0);
    expect(r.timings_ms).toHaveProperty("llm");
    expect(JSON.stringify(model.doGenerateCalls)).not.toContain(fakePw);
  });
});
