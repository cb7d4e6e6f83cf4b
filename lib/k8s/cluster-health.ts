import { redactStrings } from "@/lib/diagnose/redact-object";
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
  // Problem messages quote events and termination messages; redacted once
  // here, before the answer is cached and shared by every caller.
  return redactStrings({
    cluster: clients.cluster,
    connected: snapshot.reachable,
    generated_at: now.toISOString(),
    summary: summarize(snapshot),
    problems: analyzeSnapshot(snapshot, now),
    errors: snapshot.errors,
  });
}

export type ClusterHealthFn = (opts?: { namespace?: string }) => Promise<ClusterHealth>;

/** Distinct namespaces remembered at once; a cluster page polls a handful. */
export const CLUSTER_HEALTH_CACHE_MAX_ENTRIES = 64;

/**
 * TTL cache with in-flight de-duplication, per namespace, so a page polled by
 * many browsers triggers at most one collection per TTL. Failures are not
 * cached. The key is request input (`?namespace=` takes any DNS label), so the
 * cache is an LRU bounded to `maxEntries`: a client walking through random
 * namespaces evicts old answers instead of growing the heap.
 */
export function createCachedClusterHealth(
  fn: ClusterHealthFn,
  ttlMs = 5_000,
  clock: () => number = Date.now,
  maxEntries = CLUSTER_HEALTH_CACHE_MAX_ENTRIES,
): ClusterHealthFn & { clear(): void; size(): number } {
  // Map iteration order is insertion order: re-inserting on every hit makes
  // the first key the least recently used.
  const done = new Map<string, { at: number; value: ClusterHealth }>();
  const inflight = new Map<string, Promise<ClusterHealth>>();
  const remember = (k: string, value: ClusterHealth) => {
    done.delete(k);
    const now = clock();
    for (const [key, entry] of done) {
      if (done.size < maxEntries && now - entry.at < ttlMs) break;
      done.delete(key);
    }
    done.set(k, { at: now, value });
  };
  const cached = (opts: { namespace?: string } = {}) => {
    const k = opts.namespace ?? "";
    const hit = done.get(k);
    if (hit) {
      done.delete(k);
      if (clock() - hit.at < ttlMs) {
        done.set(k, hit);
        return Promise.resolve(hit.value);
      }
    }
    const pending = inflight.get(k);
    if (pending) return pending;
    const p = fn(opts)
      .then((value) => {
        remember(k, value);
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
    size: () => done.size,
  });
}
