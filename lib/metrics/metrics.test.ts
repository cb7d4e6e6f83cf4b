import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { authorizeMetricsScrape } from "./auth";
import {
  countKubernetesError,
  observeRequest,
  recordDiagnosis,
  recordLlmUsage,
  timeCatalogRefresh,
  trackOpenStream,
} from "./record";
import { metrics, resetMetricsForTests } from "./registry";
import { collectGaugeSources, registerGaugeSource } from "./sources";

const scrape = () => metrics().registry.metrics();

describe("metrics", () => {
  beforeEach(() => resetMetricsForTests());

  it("counts requests and observes latency per route, method and status", async () => {
    observeRequest("catalog.entities", "GET", 200, 0.012);
    observeRequest("catalog.entities", "GET", 200, 0.3);
    observeRequest("catalog.entities", "GET", 404, 0.001);
    const text = await scrape();
    expect(text).toContain(
      'portico_http_requests_total{route="catalog.entities",method="GET",status="200"} 2',
    );
    expect(text).toContain(
      'portico_http_requests_total{route="catalog.entities",method="GET",status="404"} 1',
    );
    expect(text).toContain(
      'portico_http_request_duration_seconds_bucket{le="0.025",route="catalog.entities",method="GET",status="200"} 1',
    );
    expect(text).toMatch(/portico_process_cpu_seconds_total/);
  });

  it("times catalog refreshes and counts failed and throwing ones", async () => {
    await timeCatalogRefresh(async () => ({ ok: true }));
    await timeCatalogRefresh(async () => ({ ok: false }));
    await expect(timeCatalogRefresh(async () => Promise.reject(new Error("db down")))).rejects.toThrow();
    const text = await scrape();
    expect(text).toContain("portico_catalog_refresh_failures_total 2");
    expect(text).toContain('portico_catalog_refresh_duration_seconds_count{result="ok"} 1');
    expect(text).toContain('portico_catalog_refresh_duration_seconds_count{result="error"} 1');
  });

  it("records diagnoses, LLM latency, tokens and Kubernetes errors", async () => {
    recordDiagnosis({ engine: "gemini", degraded: ["llm"], timings_ms: { total: 1200, llm: 1100 } });
    recordDiagnosis({ engine: "offline", degraded: [], timings_ms: { total: 3 } });
    recordLlmUsage("diagnose", { inputTokens: 120, outputTokens: 30 });
    countKubernetesError("pods", 403);
    countKubernetesError("pods", null);
    const text = await scrape();
    expect(text).toContain('portico_diagnose_duration_seconds_count{engine="gemini",degraded="true"} 1');
    expect(text).toContain('portico_diagnose_duration_seconds_count{engine="offline",degraded="false"} 1');
    expect(text).toContain(
      'portico_llm_request_duration_seconds_count{feature="diagnose",outcome="failed"} 1',
    );
    expect(text).toContain('portico_llm_tokens_total{feature="diagnose",direction="input"} 120');
    expect(text).toContain('portico_kubernetes_api_errors_total{resource="pods",status="403"} 1');
    expect(text).toContain('portico_kubernetes_api_errors_total{resource="pods",status="none"} 1');
  });

  it("keeps a stream open in the gauge until its body ends or is cancelled", async () => {
    const gauge = async () => (await metrics().chatStreamsOpen.get()).values[0]?.value;
    const a = trackOpenStream(new Response("hello"));
    const b = trackOpenStream(new Response(new ReadableStream({ pull() {} })));
    expect(await gauge()).toBe(2);
    expect(await a.text()).toBe("hello");
    expect(await gauge()).toBe(1);
    await b.body?.cancel();
    expect(await gauge()).toBe(0);
  });

  it("reads scrape-time sources and reports a failing one without failing the scrape", async () => {
    let fail = false;
    registerGaugeSource({
      name: "portico_scaffolder_tasks",
      help: "test",
      labelNames: ["state"],
      collect: async () => {
        if (fail) throw new Error("db down");
        return [{ labels: { state: "running" }, value: 3 }];
      },
    });
    await collectGaugeSources();
    expect(await scrape()).toContain('portico_scaffolder_tasks{state="running"} 3');
    fail = true;
    await collectGaugeSources();
    const text = await scrape();
    expect(text).not.toContain('portico_scaffolder_tasks{state="running"}');
    expect(text).toContain('portico_metrics_source_up{source="portico_scaffolder_tasks"} 0');
  });

  it("requires the bearer token only when one is configured", () => {
    const req = (auth?: string) =>
      new Request("http://x/api/metrics", auth ? { headers: { authorization: auth } } : {});
    expect(() => authorizeMetricsScrape(req(), undefined)).not.toThrow();
    const token = "0123456789abcdef0123";
    expect(() => authorizeMetricsScrape(req(`Bearer ${token}`), token)).not.toThrow();
    for (const bad of [undefined, `Bearer ${token}x`, `Basic ${token}`, "Bearer "]) {
      let caught: unknown;
      try {
        authorizeMetricsScrape(req(bad), token);
      } catch (e) {
        caught = e;
      }
      expect(caught, String(bad)).toBeInstanceOf(ApiError);
      expect((caught as ApiError).status).toBe(401);
    }
  });
});
