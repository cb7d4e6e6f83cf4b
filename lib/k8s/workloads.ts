import type { V1Deployment, V1Pod } from "@kubernetes/client-node";
import { redactStrings } from "@/lib/diagnose/redact-object";
import { analyzePods } from "./analyzers/pods";
import { kubeCall } from "./call";
import type { KubeClients } from "./client";
import type { Problem, ResourceError } from "./types";

export const KUBERNETES_ID_ANNOTATION = "backstage.io/kubernetes-id";
export const LABEL_SELECTOR_ANNOTATION = "backstage.io/kubernetes-label-selector";
export const NAMESPACE_ANNOTATION = "backstage.io/kubernetes-namespace";

export interface EntityRefForKube {
  metadata: { name: string; annotations?: Record<string, string | undefined> };
}

export interface WorkloadTarget {
  labelSelector: string;
  namespace: string | null;
}

export interface DeploymentStatus {
  name: string;
  namespace: string;
  desired: number;
  ready: number;
  available: number;
  updated: number;
  images: string[];
  conditions: { type: string; status: string; reason: string | null; message: string | null }[];
}

export interface PodStatus {
  name: string;
  namespace: string;
  phase: string;
  ready: string;
  restarts: number;
  node: string | null;
  reason: string | null;
  started_at: string | null;
}

export type EntityWorkloads =
  | { configured: false; connected: boolean }
  | {
      configured: true;
      connected: boolean;
      selector: string;
      namespace: string | null;
      deployments: DeploymentStatus[];
      pods: PodStatus[];
      problems: Problem[];
      errors: ResourceError[];
    };

/** Backstage-compatible: an explicit label selector wins over the kubernetes-id label. */
export function workloadTarget(entity: EntityRefForKube): WorkloadTarget | null {
  const a = entity.metadata.annotations ?? {};
  const namespace = a[NAMESPACE_ANNOTATION]?.trim() || null;
  const selector = a[LABEL_SELECTOR_ANNOTATION]?.trim();
  if (selector) return { labelSelector: selector, namespace };
  const id = a[KUBERNETES_ID_ANNOTATION]?.trim();
  if (id) return { labelSelector: `${KUBERNETES_ID_ANNOTATION}=${id}`, namespace };
  return null;
}

export async function findEntityWorkloads(
  clients: KubeClients | null,
  entity: EntityRefForKube,
  opts: { now?: Date } = {},
): Promise<EntityWorkloads> {
  const target = workloadTarget(entity);
  if (!target) return { configured: false, connected: clients !== null };
  const base = { configured: true as const, selector: target.labelSelector, namespace: target.namespace };
  if (!clients) return { ...base, connected: false, deployments: [], pods: [], problems: [], errors: [] };

  const labelSelector = target.labelSelector;
  const ns = target.namespace;
  const t = clients.timeoutMs;
  const [deps, pods] = await Promise.all([
    kubeCall("deployments", t, (o) =>
      ns
        ? clients.apps.listNamespacedDeployment({ namespace: ns, labelSelector }, o)
        : clients.apps.listDeploymentForAllNamespaces({ labelSelector }, o),
    ),
    kubeCall("pods", t, (o) =>
      ns
        ? clients.core.listNamespacedPod({ namespace: ns, labelSelector }, o)
        : clients.core.listPodForAllNamespaces({ labelSelector }, o),
    ),
  ]);
  const errors = [deps, pods].flatMap((r) => (r.ok ? [] : [r.error]));
  const podItems = pods.ok ? pods.value.items : [];
  // Condition and problem messages are cluster text: redact before they leave.
  return redactStrings({
    ...base,
    connected: deps.ok || pods.ok,
    deployments: (deps.ok ? deps.value.items : []).map(deploymentStatus),
    pods: podItems.map(podStatus),
    problems: analyzePods(podItems, { now: opts.now }),
    errors,
  });
}

function deploymentStatus(d: V1Deployment): DeploymentStatus {
  const s = d.status;
  return {
    name: d.metadata?.name ?? "",
    namespace: d.metadata?.namespace ?? "",
    desired: d.spec?.replicas ?? 1,
    ready: s?.readyReplicas ?? 0,
    available: s?.availableReplicas ?? 0,
    updated: s?.updatedReplicas ?? 0,
    images: (d.spec?.template.spec?.containers ?? []).map((c) => c.image ?? ""),
    conditions: (s?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason ?? null,
      message: c.message ?? null,
    })),
  };
}

export function podStatus(p: V1Pod): PodStatus {
  const statuses = p.status?.containerStatuses ?? [];
  const waiting = statuses.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
  const terminated = statuses.find((c) => c.state?.terminated?.reason)?.state?.terminated?.reason;
  return {
    name: p.metadata?.name ?? "",
    namespace: p.metadata?.namespace ?? "",
    phase: p.status?.phase ?? "Unknown",
    ready: `${statuses.filter((c) => c.ready).length}/${p.spec?.containers.length ?? statuses.length}`,
    restarts: statuses.reduce((n, c) => n + c.restartCount, 0),
    node: p.spec?.nodeName ?? null,
    reason: waiting ?? terminated ?? p.status?.reason ?? null,
    started_at: p.status?.startTime ? new Date(p.status.startTime).toISOString() : null,
  };
}
