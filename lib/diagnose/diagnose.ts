import type { LanguageModel } from "ai";
import { withTimeout } from "@/lib/async/with-timeout";
import type { AnalysisResult } from "./analyzer";
import { CATEGORY_TITLES, type Category } from "./categories";
import { commandTargetFrom } from "./command-target";
import { analyzeGrounded } from "./grounded-analysis";
import { type LlmFailureReason, llmDiagnosis } from "./llm-engine";
import { offlineDiagnosis } from "./offline-engine";
import { podFacts } from "./pod-evidence";
import { redactSecrets } from "./redact";
import { redactObject } from "./redact-object";
import type { DiagnoseRequest, DiagnoseResponse } from "./schema";
import type { DiagnosisCore, RunbookHit } from "./types";

export const DEFAULT_DEPENDENCY_TIMEOUT_MS = 5_000;
const RUNBOOK_TOP_K = 3;
// Root cause and runner-up; the third result is left to keyword/vector relevance.
const RUNBOOK_PREFERRED = 2;

export interface DiagnoseDeps {
  /** null/undefined = offline engine. Build with lib/ai/provider getLanguageModel(). */
  model?: LanguageModel | null;
  /**
   * `hints.category` is the analyzer's root cause, for retrieval to boost that
   * category's runbooks; `hints.prefer` its strongest categories (root cause,
   * runner-up), whose runbooks lead the results in that order.
   */
  searchRunbooks?: (
    query: string,
    topK: number,
    hints: RunbookHints,
  ) => Promise<{ results: RunbookHit[]; degraded: string[] }>;
  getPodContext?: (namespace: string, pod: string) => Promise<unknown>;
  findOwner?: (entityRef: string) => Promise<unknown>;
  requestId: string;
  llmTimeoutMs?: number;
  /** Per-dependency bound for runbooks, Kubernetes and catalog lookups. */
  dependencyTimeoutMs?: number;
  /** Observability hook; receives no log content, only the reason and a redacted message. */
  onLlmFailure?: (failure: { reason: LlmFailureReason; message: string }) => void;
}

/**
 * POST /api/diagnose core: redact → (pod context ∥ owner) → analyze the log
 * together with the live pod facts → runbooks → LLM or offline engine. The pod
 * context is awaited before analysis because its facts can decide the
 * category, which in turn steers runbook retrieval. Every dependency is
 * optional; a failing one is reported in `degraded` and the diagnosis still
 * completes.
 */
export async function diagnose(input: DiagnoseRequest, deps: DiagnoseDeps): Promise<DiagnoseResponse> {
  const timings: Record<string, number> = {};
  const degraded = new Set<string>();
  const totalStart = performance.now();
  const depTimeout = deps.dependencyTimeoutMs ?? DEFAULT_DEPENDENCY_TIMEOUT_MS;

  const redactedLog = timed(timings, "redact", () => redactSecrets(input.error_message));

  const wantsPod = Boolean(input.include_cluster_health && input.namespace && input.pod_name);
  const podTask = wantsPod
    ? optionalDependency(timings, "kubernetes", degraded, depTimeout, deps.getPodContext, (fn) =>
        fn(input.namespace!, input.pod_name!),
      )
    : Promise.resolve(undefined);

  const ownerTask = input.entity_ref
    ? optionalDependency(timings, "catalog", degraded, depTimeout, deps.findOwner, (fn) =>
        fn(input.entity_ref!),
      )
    : Promise.resolve(undefined);

  const podContext = await podTask;
  const k8sContext = podContext === undefined ? undefined : asRecord(redactObject(podContext));
  const analysis = timed(timings, "analyze", () => analyzeGrounded(redactedLog, k8sContext));

  const runbooksTask = deps.searchRunbooks
    ? timedAsync(timings, "runbooks", () =>
        withTimeout(
          deps.searchRunbooks!(runbookQuery(analysis), RUNBOOK_TOP_K, runbookHints(analysis)),
          depTimeout,
        ),
      ).then(
        (r) => {
          for (const d of r.degraded) degraded.add(d);
          return r.results;
        },
        () => {
          degraded.add("vector_store");
          return [] as RunbookHit[];
        },
      )
    : Promise.resolve([] as RunbookHit[]);

  const [runbooks, owner] = await Promise.all([runbooksTask, ownerTask]);
  const ownerRecord = owner === undefined || owner === null ? undefined : asRecord(redactObject(owner));

  const target = commandTargetFrom({
    namespace: input.namespace,
    podName: input.pod_name,
    log: redactedLog,
    facts: podFacts(k8sContext),
  });
  const engineInput = { analysis, runbooks, namespace: input.namespace, podName: input.pod_name, target };
  let core: DiagnosisCore;
  if (deps.model) {
    const model = deps.model;
    const outcome = await timedAsync(timings, "llm", () =>
      llmDiagnosis(model, { ...engineInput, redactedLog, k8sContext }, { timeoutMs: deps.llmTimeoutMs }),
    );
    core = outcome.diagnosis;
    for (const d of outcome.degraded) degraded.add(d);
    if (outcome.failure) deps.onLlmFailure?.(outcome.failure);
  } else {
    core = timed(timings, "engine", () => offlineDiagnosis(engineInput));
  }
  timings.total = round(performance.now() - totalStart);

  return {
    request_id: deps.requestId,
    engine: core.engine,
    severity: core.severity,
    category: core.category,
    root_cause: core.root_cause,
    classifications: analysis.classifications,
    fix_commands: core.fix_commands,
    prevention_tips: core.prevention_tips,
    runbooks: runbooks.map(({ id, title, url, score }) => ({ id, title, url, score })),
    ...(k8sContext ? { k8s_context: k8sContext } : {}),
    ...(ownerRecord ? { owner: ownerRecord } : {}),
    degraded: [...degraded],
    timings_ms: timings,
  };
}

export interface RunbookHints {
  category: Category;
  prefer: Category[];
}

/**
 * The diagnosis steers retrieval: its root cause is boosted, and the runbooks
 * of its two strongest categories come first, so when the root cause is a near
 * miss the runner-up's runbook is still among the first results.
 */
export function runbookHints(analysis: AnalysisResult): RunbookHints {
  return { category: analysis.category, prefer: analysis.categories.slice(0, RUNBOOK_PREFERRED) };
}

/** runbookHints in the runbook search's own terms, for callers that search directly. */
export function runbookSteering(analysis: AnalysisResult): { category: string; preferCategories: string[] } {
  const { category, prefer } = runbookHints(analysis);
  return { category, preferCategories: prefer };
}

/** Query text for runbook retrieval: the category plus redacted evidence. */
export function runbookQuery(analysis: AnalysisResult): string {
  const evidence = analysis.classifications
    .filter((c) => c.category === analysis.category)
    .slice(0, 3)
    .map((c) => c.excerpt);
  return [analysis.category, CATEGORY_TITLES[analysis.category], ...evidence].join("\n").slice(0, 1000);
}

async function optionalDependency<F, T>(
  timings: Record<string, number>,
  name: "kubernetes" | "catalog",
  degraded: Set<string>,
  timeoutMs: number,
  fn: F | undefined,
  call: (fn: F) => Promise<T>,
): Promise<T | undefined> {
  // Requested but not wired up (e.g. no cluster access) is a degradation too.
  if (!fn) {
    degraded.add(name);
    return undefined;
  }
  try {
    return await timedAsync(timings, name, () => withTimeout(call(fn), timeoutMs));
  } catch {
    degraded.add(name);
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : { value };
}

function timed<T>(timings: Record<string, number>, stage: string, fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    timings[stage] = round(performance.now() - t);
  }
}

async function timedAsync<T>(
  timings: Record<string, number>,
  stage: string,
  fn: () => Promise<T>,
): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    timings[stage] = round(performance.now() - t);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
