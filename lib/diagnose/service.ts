import type { LanguageModel } from "ai";
import { getLanguageModel, modelProviderName, OPENAI_COMPATIBLE } from "@/lib/ai/provider";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import { tryCanonicalRef } from "@/lib/catalog/model/entity-ref";
import type { Entity } from "@/lib/catalog/model/types";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import type { KubeClients } from "@/lib/k8s/client";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import { getKubeClients } from "@/lib/k8s/service";
import type { Logger } from "@/lib/log/logger";
import type { RunbookService } from "@/lib/runbooks/service";
import { getRunbookService } from "@/lib/runbooks/service-instance";
import type { DiagnoseDeps } from "./diagnose";
import { redactSecrets } from "./redact";
import type { DiagnosisEngine } from "./types";

export interface OwnerInfo {
  entity_ref: string;
  title: string | null;
  owner: string | null;
  owner_title: string | null;
  owner_email: string | null;
  system: string | null;
  lifecycle: string | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/**
 * The owning team of a catalog entity, with the team's display name and email
 * when the group is in the catalog too. null when the entity is unknown.
 */
export async function findEntityOwner(db: SqlExecutor, entityRef: string): Promise<OwnerInfo | null> {
  const entity = await getEntityByRef(db, entityRef);
  if (!entity) return null;
  const owner = str(entity.spec?.owner);
  const ownerRef = owner
    ? tryCanonicalRef(owner, { defaultKind: "group", defaultNamespace: entityNs(entity) })
    : undefined;
  const group = ownerRef ? await getEntityByRef(db, ownerRef) : null;
  const profile = (group?.spec?.profile ?? {}) as Record<string, unknown>;
  return {
    entity_ref: tryCanonicalRef(entityRef) ?? entityRef,
    title: str(entity.metadata.title),
    owner: ownerRef ?? owner,
    owner_title: str(profile.displayName) ?? str(group?.metadata.title),
    owner_email: str(profile.email),
    system: str(entity.spec?.system),
    lifecycle: str(entity.spec?.lifecycle),
  };
}

function entityNs(entity: Entity): string {
  return entity.metadata.namespace ?? "default";
}

/**
 * Pod context for a diagnosis. A missing pod is an answer worth showing; no
 * cluster or an unreachable API server is a failed dependency, so it throws
 * and the diagnosis reports `kubernetes` as degraded.
 */
export async function podContextFor(clients: KubeClients | null, namespace: string, name: string) {
  const context = await collectPodContext(clients, { namespace, name });
  if (!context.found && context.reason !== "not-found") throw new Error(context.message);
  return context;
}

export function runbookSearchFor(runbooks: Pick<RunbookService, "search">): DiagnoseDeps["searchRunbooks"] {
  return async (query, topK, hints) => {
    const res = await runbooks.search({
      query,
      topK,
      category: hints.category,
      preferCategories: hints.prefer,
    });
    return {
      results: res.results.map((r) => ({
        id: r.id,
        title: r.title,
        url: r.url,
        score: r.score,
        excerpt: r.snippet,
      })),
      degraded: res.degraded,
    };
  };
}

// Tests inject a mock model here (undefined = use configuration).
let modelOverride: LanguageModel | null | undefined;
const holder = globalThis as unknown as { __porticoDiagnoseModel?: { model: LanguageModel | null } };

/** Tests only: force a model (a MockLanguageModelV3, or null for offline); undefined restores config. */
export function setDiagnoseModelForTests(model: LanguageModel | null | undefined): void {
  modelOverride = model;
  holder.__porticoDiagnoseModel = undefined;
}

function model(): LanguageModel | null {
  if (modelOverride !== undefined) return modelOverride;
  holder.__porticoDiagnoseModel ??= { model: getLanguageModel(getServerConfig().ai) };
  return holder.__porticoDiagnoseModel.model;
}

/** Whether diagnoses currently come from an LLM (for the page's engine label before a request). */
export function diagnoseEngine(): DiagnosisEngine {
  const m = model();
  return m ? (modelProviderName(m) === OPENAI_COMPATIBLE ? "openai-compatible" : "gemini") : "offline";
}

/**
 * Wires the diagnosis orchestrator to this process's configuration: the
 * configured model (or the offline engine), shared runbook service, kube
 * clients and catalog database. Each dependency is lazy so a missing database
 * or cluster only degrades the requests that ask for it.
 */
export function diagnoseDepsFor(requestId: string, log: Logger): DiagnoseDeps {
  const config = getServerConfig();
  return {
    requestId,
    model: model(),
    llmTimeoutMs: config.ai.timeoutMs,
    dependencyTimeoutMs: config.kubernetes.timeoutMs,
    searchRunbooks: runbookSearchFor(getRunbookService()),
    getPodContext: (namespace, pod) => podContextFor(getKubeClients(), namespace, pod),
    findOwner: (ref) => findEntityOwner(getDb(), ref),
    onLlmFailure: ({ reason, message }) =>
      log.warn({ reason, message: redactSecrets(message) }, "LLM diagnosis failed; answered offline"),
  };
}
