import type { ConfigurationOptions } from "@kubernetes/client-node";
import { kubeCall } from "./call";
import type { KubeClients } from "./client";
import type { ClusterSnapshot, KubeEvent, ResourceError } from "./types";

type Lister<T> = (options: ConfigurationOptions) => Promise<{ items: T[] }>;

export interface CollectClusterOptions {
  namespace?: string;
}

/**
 * Lists every kind the analyzers need, all in parallel, each with its own
 * deadline. A kind that fails becomes an empty list plus an `errors` entry.
 */
export async function collectCluster(
  clients: KubeClients,
  opts: CollectClusterOptions = {},
): Promise<ClusterSnapshot> {
  const ns = opts.namespace;
  const errors: ResourceError[] = [];
  let succeeded = 0;
  const list = async <T>(resource: string, all: Lister<T>, namespaced: Lister<T>): Promise<T[]> => {
    const res = await kubeCall(resource, clients.timeoutMs, ns ? namespaced : all);
    if (res.ok) {
      succeeded++;
      return res.value.items ?? [];
    }
    errors.push(res.error);
    return [];
  };
  const { core, apps, batch, autoscaling, networking, discovery } = clients;
  const warning = { fieldSelector: "type=Warning" };

  const [nodes, pods, deployments, hpas, quotas, services, slices, pvcs, jobs, cronJobs, ingresses, events] =
    await Promise.all([
      list(
        "nodes",
        (o) => core.listNode({}, o),
        (o) => core.listNode({}, o),
      ),
      list(
        "pods",
        (o) => core.listPodForAllNamespaces({}, o),
        (o) => core.listNamespacedPod({ namespace: ns! }, o),
      ),
      list(
        "deployments",
        (o) => apps.listDeploymentForAllNamespaces({}, o),
        (o) => apps.listNamespacedDeployment({ namespace: ns! }, o),
      ),
      list(
        "horizontalpodautoscalers",
        (o) => autoscaling.listHorizontalPodAutoscalerForAllNamespaces({}, o),
        (o) => autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace: ns! }, o),
      ),
      list(
        "resourcequotas",
        (o) => core.listResourceQuotaForAllNamespaces({}, o),
        (o) => core.listNamespacedResourceQuota({ namespace: ns! }, o),
      ),
      list(
        "services",
        (o) => core.listServiceForAllNamespaces({}, o),
        (o) => core.listNamespacedService({ namespace: ns! }, o),
      ),
      kubeCall("endpointslices", clients.timeoutMs, (o) =>
        ns
          ? discovery.listNamespacedEndpointSlice({ namespace: ns }, o)
          : discovery.listEndpointSliceForAllNamespaces({}, o),
      ),
      list(
        "persistentvolumeclaims",
        (o) => core.listPersistentVolumeClaimForAllNamespaces({}, o),
        (o) => core.listNamespacedPersistentVolumeClaim({ namespace: ns! }, o),
      ),
      list(
        "jobs",
        (o) => batch.listJobForAllNamespaces({}, o),
        (o) => batch.listNamespacedJob({ namespace: ns! }, o),
      ),
      list(
        "cronjobs",
        (o) => batch.listCronJobForAllNamespaces({}, o),
        (o) => batch.listNamespacedCronJob({ namespace: ns! }, o),
      ),
      list(
        "ingresses",
        (o) => networking.listIngressForAllNamespaces({}, o),
        (o) => networking.listNamespacedIngress({ namespace: ns! }, o),
      ),
      list(
        "events",
        (o) => core.listEventForAllNamespaces(warning, o),
        (o) => core.listNamespacedEvent({ namespace: ns!, ...warning }, o),
      ),
    ]);

  const endpointSlices = slices.ok ? (slices.value.items ?? []) : [];
  let endpoints: ClusterSnapshot["endpoints"] = null;
  if (!slices.ok && slices.status !== 403 && slices.status !== 404) {
    errors.push(slices.error);
  } else if (!slices.ok) {
    // Clusters (or RBAC roles) without discovery.k8s.io still expose core Endpoints.
    const fallback = await kubeCall("endpoints", clients.timeoutMs, (o) =>
      ns ? core.listNamespacedEndpoints({ namespace: ns }, o) : core.listEndpointsForAllNamespaces({}, o),
    );
    if (fallback.ok) endpoints = fallback.value.items ?? [];
    else errors.push(slices.error);
  }

  return {
    namespace: ns ?? null,
    nodes,
    pods,
    deployments,
    hpas,
    quotas,
    services,
    endpointSlices,
    endpoints,
    pvcs,
    jobs,
    cronJobs,
    ingresses,
    warningEvents: events as KubeEvent[],
    errors: errors.sort((a, b) => a.resource.localeCompare(b.resource)),
    reachable: succeeded > 0 || slices.ok || endpoints !== null,
  };
}
