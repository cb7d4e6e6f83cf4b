import type {
  V1CronJob,
  V1Deployment,
  V1EndpointSlice,
  V1Endpoints,
  V1Ingress,
  V1Job,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1ResourceQuota,
  V1Service,
  V2HorizontalPodAutoscaler,
} from "@kubernetes/client-node";
import type { KubeClients } from "./client";
import { listPath, listRaw } from "./list-raw";
import type { ClusterSnapshot, KubeEvent, ResourceError } from "./types";

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
  const ns = opts.namespace ?? null;
  const errors: ResourceError[] = [];
  let succeeded = 0;
  const list = async <T>(
    apiVersion: string,
    plural: string,
    query?: Record<string, string>,
    scoped = true,
  ) => {
    const res = await listRaw<T>(clients, plural, listPath(apiVersion, plural, scoped ? ns : null), query);
    if (res.ok) {
      succeeded++;
      return res.value.items;
    }
    errors.push(res.error);
    return [] as T[];
  };

  const [nodes, pods, deployments, hpas, quotas, services, slices, pvcs, jobs, cronJobs, ingresses, events] =
    await Promise.all([
      list<V1Node>("v1", "nodes", undefined, false),
      list<V1Pod>("v1", "pods"),
      list<V1Deployment>("apps/v1", "deployments"),
      list<V2HorizontalPodAutoscaler>("autoscaling/v2", "horizontalpodautoscalers"),
      list<V1ResourceQuota>("v1", "resourcequotas"),
      list<V1Service>("v1", "services"),
      listRaw<V1EndpointSlice>(
        clients,
        "endpointslices",
        listPath("discovery.k8s.io/v1", "endpointslices", ns),
      ),
      list<V1PersistentVolumeClaim>("v1", "persistentvolumeclaims"),
      list<V1Job>("batch/v1", "jobs"),
      list<V1CronJob>("batch/v1", "cronjobs"),
      list<V1Ingress>("networking.k8s.io/v1", "ingresses"),
      list<KubeEvent>("v1", "events", { fieldSelector: "type=Warning" }),
    ]);

  let endpoints: V1Endpoints[] | null = null;
  if (slices.ok) {
    succeeded++;
  } else if (slices.status === 403 || slices.status === 404) {
    // Clusters (or RBAC roles) without discovery.k8s.io still expose core Endpoints.
    const fallback = await listRaw<V1Endpoints>(clients, "endpoints", listPath("v1", "endpoints", ns));
    if (fallback.ok) endpoints = fallback.value.items;
    else errors.push(slices.error);
  } else {
    errors.push(slices.error);
  }

  return {
    namespace: ns,
    nodes,
    pods,
    deployments,
    hpas,
    quotas,
    services,
    endpointSlices: slices.ok ? slices.value.items : [],
    endpoints,
    pvcs,
    jobs,
    cronJobs,
    ingresses,
    warningEvents: events,
    errors: errors.sort((a, b) => a.resource.localeCompare(b.resource)),
    reachable: succeeded > 0 || endpoints !== null,
  };
}
