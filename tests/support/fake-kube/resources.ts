// The resource kinds the fake API server knows, keyed by their plural (the URL segment).
export interface ResourceInfo {
  plural: string;
  kind: string;
  /** "v1" for the core group, "<group>/<version>" otherwise. */
  apiVersion: string;
  namespaced: boolean;
}

const r = (plural: string, kind: string, apiVersion: string, namespaced = true): ResourceInfo => ({
  plural,
  kind,
  apiVersion,
  namespaced,
});

export const RESOURCES: ResourceInfo[] = [
  r("namespaces", "Namespace", "v1", false),
  r("nodes", "Node", "v1", false),
  r("pods", "Pod", "v1"),
  r("events", "Event", "v1"),
  r("resourcequotas", "ResourceQuota", "v1"),
  r("services", "Service", "v1"),
  r("endpoints", "Endpoints", "v1"),
  r("persistentvolumeclaims", "PersistentVolumeClaim", "v1"),
  r("deployments", "Deployment", "apps/v1"),
  r("replicasets", "ReplicaSet", "apps/v1"),
  r("statefulsets", "StatefulSet", "apps/v1"),
  r("daemonsets", "DaemonSet", "apps/v1"),
  r("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling/v2"),
  r("jobs", "Job", "batch/v1"),
  r("cronjobs", "CronJob", "batch/v1"),
  r("ingresses", "Ingress", "networking.k8s.io/v1"),
  r("endpointslices", "EndpointSlice", "discovery.k8s.io/v1"),
];

export const RESOURCE_BY_PLURAL = new Map(RESOURCES.map((x) => [x.plural, x]));

export interface ParsedPath {
  resource: ResourceInfo;
  namespace: string | null;
  name: string | null;
}

/**
 * Parses /api/v1/[namespaces/<ns>/]<plural>[/<name>] and
 * /apis/<group>/<version>/[namespaces/<ns>/]<plural>[/<name>].
 */
export function parseKubePath(pathname: string): ParsedPath | null {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === "api" && parts[1] === "v1") {
    apiVersion = "v1";
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 3) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else {
    return null;
  }
  let namespace: string | null = null;
  // "namespaces/<ns>" is a prefix only when something follows; "/api/v1/namespaces" lists namespaces.
  if (rest[0] === "namespaces" && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length < 1 || rest.length > 2) return null;
  const resource = RESOURCE_BY_PLURAL.get(rest[0]);
  if (!resource || resource.apiVersion !== apiVersion) return null;
  if (namespace && !resource.namespaced) return null;
  return { resource, namespace, name: rest[1] ?? null };
}
