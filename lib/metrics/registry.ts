import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds; spans a fast cached read (5 ms) to a slow LLM call (30 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "portico_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "portico_http_requests_total",
      help: "HTTP requests answered, by route name (not path: bounded cardinality), method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "portico_http_request_duration_seconds",
      help: "Time from request to response headers, by route name, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    catalogRefreshDuration: new Histogram({
      name: "portico_catalog_refresh_duration_seconds",
      help: "Duration of one catalog location refresh, by result (ok, failed, error)",
      labelNames: ["result"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    catalogRefreshFailures: new Counter({
      name: "portico_catalog_refresh_failures_total",
      help: "Catalog location refreshes that failed (unreadable or invalid location, or a write error)",
      registers,
    }),
    diagnoseDuration: new Histogram({
      name: "portico_diagnose_duration_seconds",
      help: "POST /api/diagnose end-to-end time inside the handler, by engine (offline, gemini) and degraded (true/false)",
      labelNames: ["engine", "degraded"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    llmDuration: new Histogram({
      name: "portico_llm_request_duration_seconds",
      help: "Language model call time, by feature (diagnose, chat) and outcome (ok, failed)",
      labelNames: ["feature", "outcome"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    llmTokens: new Counter({
      name: "portico_llm_tokens_total",
      help: "Tokens reported by the model provider, by feature and direction (input, output)",
      labelNames: ["feature", "direction"] as const,
      registers,
    }),
    chatStreamsOpen: new Gauge({
      name: "portico_chat_streams_open",
      help: "Chat answer streams currently open on this replica",
      registers,
    }),
    catalogSchedulerLeader: new Gauge({
      name: "portico_catalog_scheduler_leader",
      help: "1 while this replica holds the catalog refresh scheduler lease (exactly one replica should)",
      registers,
    }),
    kubernetesErrors: new Counter({
      name: "portico_kubernetes_api_errors_total",
      help: "Failed Kubernetes API calls, by resource and status (HTTP code, or 'none' for timeouts and network errors)",
      labelNames: ["resource", "status"] as const,
      registers,
    }),
  };
}

export type PorticoMetrics = ReturnType<typeof createMetrics>;

// Next bundles a module once per route chunk and once for instrumentation.ts; one registry per
// process (on globalThis) keeps every counter in the same scrape.
const holder = globalThis as unknown as { __porticoMetrics?: PorticoMetrics };

export function metrics(): PorticoMetrics {
  holder.__porticoMetrics ??= createMetrics();
  return holder.__porticoMetrics;
}

/** Tests only: a fresh registry so counts start at zero. */
export function resetMetricsForTests(): void {
  holder.__porticoMetrics = undefined;
}
