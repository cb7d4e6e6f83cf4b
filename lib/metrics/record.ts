import { metrics } from "./registry";

/** One call per answered request, from lib/http/with-route.ts. */
export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const labels = { route, method, status: String(status) };
  const m = metrics();
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}

/** Times one catalog location refresh; `ok: false` results count as failures. */
export async function timeCatalogRefresh<T extends { ok: boolean }>(refresh: () => Promise<T>): Promise<T> {
  const m = metrics();
  const end = m.catalogRefreshDuration.startTimer();
  try {
    const result = await refresh();
    end({ result: result.ok ? "ok" : "failed" });
    if (!result.ok) m.catalogRefreshFailures.inc();
    return result;
  } catch (error) {
    end({ result: "error" });
    m.catalogRefreshFailures.inc();
    throw error;
  }
}

interface DiagnosisOutcome {
  engine: string;
  degraded: string[];
  timings_ms: Record<string, number>;
}

/** Records a finished diagnosis from its own timings, so the handler needs one line. */
export function recordDiagnosis(result: DiagnosisOutcome): void {
  const m = metrics();
  const total = result.timings_ms.total;
  if (total !== undefined)
    m.diagnoseDuration.observe(
      { engine: result.engine, degraded: String(result.degraded.length > 0) },
      total / 1000,
    );
  const llm = result.timings_ms.llm;
  if (llm !== undefined)
    m.llmDuration.observe(
      { feature: "diagnose", outcome: result.degraded.includes("llm") ? "failed" : "ok" },
      llm / 1000,
    );
}

interface TokenUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
}

export function recordLlmUsage(feature: string, usage: TokenUsage | undefined): void {
  if (!usage) return;
  const m = metrics();
  if (usage.inputTokens) m.llmTokens.inc({ feature, direction: "input" }, usage.inputTokens);
  if (usage.outputTokens) m.llmTokens.inc({ feature, direction: "output" }, usage.outputTokens);
}

export function countKubernetesError(resource: string, status: number | null): void {
  metrics().kubernetesErrors.inc({ resource, status: status === null ? "none" : String(status) });
}

/**
 * Counts a streamed response as open until its body ends, errors or the client goes away.
 * Wraps the body instead of hooking the chat code, so every way a stream can end is covered.
 */
export function trackOpenStream(response: Response): Response {
  if (!response.body) return response;
  const gauge = metrics().chatStreamsOpen;
  gauge.inc();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    gauge.dec();
  };
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          close();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    cancel(reason) {
      close();
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
