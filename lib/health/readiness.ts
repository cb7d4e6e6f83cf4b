import { withTimeout } from "@/lib/async/with-timeout";
import type { AiMode } from "@/lib/config/server-config";

export type DependencyStatus = "up" | "down";

export interface DependencyCheck {
  status: DependencyStatus;
  latency_ms: number;
  embedded?: boolean;
  error?: string;
}

export interface ReadinessReport {
  status: "ready" | "not_ready";
  version: string;
  uptime_s: number;
  failing: string[];
  checks: {
    database: DependencyCheck;
    vector_store: DependencyCheck;
    ai: { mode: AiMode; model: string | null };
    kubernetes: { mode: "kubeconfig" | "in-cluster" | "none" };
    /** Reported, never failing readiness: API tokens keep working while the IdP is down. */
    identity?: { mode: "local" | "oidc"; issuer?: string } & Partial<DependencyCheck>;
  };
}

export interface ReadinessDeps {
  version: string;
  startedAt: number;
  timeoutMs: number;
  checkDatabase: () => Promise<void>;
  checkVectorStore: () => Promise<void>;
  database: { embedded: boolean };
  vectorStore: { embedded: boolean };
  ai: { mode: AiMode; model: string };
  kubernetes: { mode: "kubeconfig" | "in-cluster" | "none" };
  identity?: { mode: "local" | "oidc"; issuer?: string; check?: () => Promise<void> };
}

/** Error messages can embed connection strings; keep only the first line and drop credentials. */
export function sanitizeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split("\n")[0]
    .replace(/\/\/[^/@\s]+@/g, "//[redacted]@")
    .slice(0, 300);
}

async function probe(
  fn: () => Promise<void>,
  ms: number,
  what: string,
  embedded: boolean,
): Promise<DependencyCheck> {
  const t0 = performance.now();
  try {
    await withTimeout(fn(), ms, what);
    return { status: "up", latency_ms: Math.round(performance.now() - t0), embedded };
  } catch (error) {
    return {
      status: "down",
      latency_ms: Math.round(performance.now() - t0),
      embedded,
      error: sanitizeError(error),
    };
  }
}

/**
 * Readiness checks the dependencies a request needs (database, vector store) in
 * parallel, each bounded by a timeout, so a dead dependency yields a fast 503
 * that names it instead of a hung probe.
 */
export async function checkReadiness(deps: ReadinessDeps): Promise<ReadinessReport> {
  const idp = deps.identity;
  const [database, vectorStore, identity] = await Promise.all([
    probe(deps.checkDatabase, deps.timeoutMs, "database", deps.database.embedded),
    probe(deps.checkVectorStore, deps.timeoutMs, "vector store", deps.vectorStore.embedded),
    idp?.check ? probe(idp.check, deps.timeoutMs, "identity provider", false) : Promise.resolve(null),
  ]);
  const failing = [
    ...(database.status === "down" ? ["database"] : []),
    ...(vectorStore.status === "down" ? ["vector_store"] : []),
  ];
  return {
    status: failing.length === 0 ? "ready" : "not_ready",
    version: deps.version,
    uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
    failing,
    checks: {
      database,
      vector_store: vectorStore,
      ai: { mode: deps.ai.mode, model: deps.ai.mode === "offline" ? null : deps.ai.model },
      kubernetes: { mode: deps.kubernetes.mode },
      ...(idp
        ? {
            identity: {
              mode: idp.mode,
              ...(idp.issuer ? { issuer: idp.issuer } : {}),
              ...(identity
                ? { status: identity.status, latency_ms: identity.latency_ms, error: identity.error }
                : {}),
            },
          }
        : {}),
    },
  };
}
