import { fetchJson } from "@/components/k8s/fetch-json";
import type { NamespaceList, PodList } from "@/lib/k8s/list-pods";
import type { ClusterHealth } from "@/lib/k8s/schema";

// Shared by the server prefetch (app/cluster/page.tsx) and the client queries so hydration lines up.
export const clusterKeys = {
  health: (namespace: string | undefined) => ["cluster", "health", namespace ?? ""] as const,
  pods: (namespace: string | undefined) => ["cluster", "pods", namespace ?? ""] as const,
  namespaces: () => ["cluster", "namespaces"] as const,
};

const nsQuery = (namespace: string | undefined) =>
  namespace ? `?namespace=${encodeURIComponent(namespace)}` : "";

export const fetchClusterHealth = (namespace: string | undefined, signal?: AbortSignal) =>
  fetchJson<ClusterHealth>(`/api/cluster-health${nsQuery(namespace)}`, signal);

export const fetchPods = (namespace: string | undefined, signal?: AbortSignal) =>
  fetchJson<PodList>(`/api/kubernetes/pods${nsQuery(namespace)}`, signal);

export const fetchNamespaces = (signal?: AbortSignal) =>
  fetchJson<NamespaceList>("/api/kubernetes/namespaces", signal);

export const REFRESH_INTERVAL_MS = 10_000;
