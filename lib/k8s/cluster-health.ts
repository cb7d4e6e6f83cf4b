import { analyzeSnapshot } from "./analyzers";
import type { KubeClients } from "./client";
import { collectCluster } from "./collect-cluster";
import type { ClusterHealth } from "./schema";
import { emptySummary, summarize } from "./summary";

export type { ClusterHealth } from "./schema";

export interface ClusterHealthOptions {
  namespace?: string;
  now?: Date;
}

/** Collects and analyzes the cluster (or one namespace). Never throws; a missing cluster is `connected: false`. */
export async function getClusterHealth(
  clients: KubeClients | null,
  opts: ClusterHealthOptions = {},
): Promise<ClusterHealth> {
  const now = opts.now ?? new Date();
  if (!clients) {
    return {
      cluster: null,
      connected: false,
      generated_at: now.toISOString(),
      summary: emptySummary(),
      problems: [],
      errors: [],
    };
  }
  const snapshot = await collectCluster(clients, { namespace: opts.namespace });
  return {
    cluster: clients.cluster,
    connected: snapshot.reachable,
    generated_at: now.toISOString(),
    summary: summarize(snapshot),
    problems: analyzeSnapshot(snapshot, now),
    errors: snapshot.errors,
  };
}

export type ClusterHealthFn = (opts?: { namespace?: string }) => Promise<ClusterHealth>;

/**
 * TTL cache with in-flight de-duplication, per namespace, so a page polled by
 * many browsers triggers at most one collection per TTL. Failures are not cached.
 */
export function createCachedClusterHealth(
  fn: ClusterHealthFn,
  ttlMs = 5_000,
  clock: () => number = Date.now,
): ClusterHealthFn & { clear(): void } {
  const done = new Map<string, { at: number; value: ClusterHealth }>();
  const inflight = new Map<string, Promise<ClusterHealth>>();
  const cached = (opts: { namespace?: string } = {}) => {
    const k = opts.namespace ?? "";
    const hit = done.get(k);
    if (hit && clock() - hit.at < ttlMs) return Promise.resolve(hit.value);
    const pending = inflight.get(k);
    if (pending) return pending;
    const p = fn(opts)
      .then((value) => {
        done.set(k, { at: clock(), value });
        return value;
      })
      .finally(() => inflight.delete(k));
    inflight.set(k, p);
    return p;
  };
  return Object.assign(cached, {
    clear() {
      done.clear();
      inflight.clear();
    },
  });
}
