import type { V1Namespace, V1Pod } from "@kubernetes/client-node";
import { redactStrings } from "@/lib/diagnose/redact-object";
import type { KubeClients } from "./client";
import { listPath, listRaw } from "./list-raw";
import type { ResourceError } from "./types";
import { type PodStatus, podStatus } from "./workloads";

export interface PodList {
  connected: boolean;
  namespace: string | null;
  pods: PodStatus[];
  errors: ResourceError[];
}

/** Pods of one namespace (or all), sorted by namespace then name; a failed list is an `errors` entry. */
export async function listPods(
  clients: KubeClients | null,
  opts: { namespace?: string } = {},
): Promise<PodList> {
  const namespace = opts.namespace ?? null;
  if (!clients) return { connected: false, namespace, pods: [], errors: [] };
  const res = await listRaw<V1Pod>(clients, "pods", listPath("v1", "pods", namespace));
  if (!res.ok)
    return redactStrings({ connected: res.status !== null, namespace, pods: [], errors: [res.error] });
  const pods = res.value.items
    .map(podStatus)
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  // Waiting/terminated reasons and messages are container output.
  return redactStrings({ connected: true, namespace, pods, errors: [] });
}

export interface NamespaceList {
  connected: boolean;
  namespaces: string[];
  errors: ResourceError[];
}

/**
 * Namespace names for a filter. Read-only roles often may list pods but not
 * namespaces, so the namespaces of all pods are the fallback (and are merged in
 * anyway, which also covers API servers that return an empty namespace list).
 */
export async function listNamespaces(clients: KubeClients | null): Promise<NamespaceList> {
  if (!clients) return { connected: false, namespaces: [], errors: [] };
  const [ns, pods] = await Promise.all([
    listRaw<V1Namespace>(clients, "namespaces", listPath("v1", "namespaces")),
    listRaw<V1Pod>(clients, "pods", listPath("v1", "pods")),
  ]);
  const names = new Set<string>();
  if (ns.ok) for (const n of ns.value.items) if (n.metadata?.name) names.add(n.metadata.name);
  if (pods.ok) for (const p of pods.value.items) if (p.metadata?.namespace) names.add(p.metadata.namespace);
  const errors = ns.ok || pods.ok ? [] : [ns, pods].flatMap((r) => (r.ok ? [] : [r.error]));
  return {
    connected: ns.ok || pods.ok || ns.status !== null || pods.status !== null,
    namespaces: [...names].sort(),
    errors,
  };
}
