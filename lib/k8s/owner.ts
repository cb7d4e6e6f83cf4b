import type { V1Condition, V1DeploymentCondition, V1OwnerReference } from "@kubernetes/client-node";
import { kubeCall } from "./call";
import type { KubeClients } from "./client";
import type { ResourceError } from "./types";

export interface OwnerSummary {
  kind: string;
  name: string;
  /** The intermediate owner, e.g. the ReplicaSet between a pod and its Deployment. */
  via: { kind: string; name: string } | null;
  replicas: { desired: number; ready: number; available: number; updated: number } | null;
  job: { active: number; succeeded: number; failed: number; cronjob: string | null } | null;
  conditions: { type: string; status: string; reason: string | null; message: string | null }[];
}

type AnyCondition = Pick<V1Condition | V1DeploymentCondition, "type" | "status" | "reason" | "message">;
const conds = (list: AnyCondition[] | undefined) =>
  (list ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason ?? null,
    message: c.message ?? null,
  }));

const bare = (ref: { kind: string; name: string }): OwnerSummary => ({
  kind: ref.kind,
  name: ref.name,
  via: null,
  replicas: null,
  job: null,
  conditions: [],
});

/**
 * Resolves a pod's controller to the workload a human manages: Deployments
 * are found through the ReplicaSet's own ownerReferences.
 */
export async function describeOwner(
  clients: KubeClients,
  namespace: string,
  ref: V1OwnerReference,
  errors: ResourceError[],
): Promise<OwnerSummary> {
  const t = clients.timeoutMs;
  const { apps, batch } = clients;
  const fail = (e: ResourceError, fallback: OwnerSummary) => {
    errors.push(e);
    return fallback;
  };
  if (ref.kind === "ReplicaSet") {
    const rs = await kubeCall("replicasets", t, (o) =>
      apps.readNamespacedReplicaSet({ namespace, name: ref.name }, o),
    );
    if (!rs.ok) return fail(rs.error, bare(ref));
    const dep = rs.value.metadata?.ownerReferences?.find((o) => o.kind === "Deployment");
    if (!dep) {
      const s = rs.value.status;
      return {
        ...bare(ref),
        replicas: {
          desired: rs.value.spec?.replicas ?? 1,
          ready: s?.readyReplicas ?? 0,
          available: s?.availableReplicas ?? 0,
          updated: s?.fullyLabeledReplicas ?? 0,
        },
        conditions: conds(s?.conditions),
      };
    }
    const d = await kubeCall("deployments", t, (o) =>
      apps.readNamespacedDeployment({ namespace, name: dep.name }, o),
    );
    const via = { kind: "ReplicaSet", name: ref.name };
    if (!d.ok) return fail(d.error, { ...bare(dep), via });
    const s = d.value.status;
    return {
      kind: "Deployment",
      name: dep.name,
      via,
      replicas: {
        desired: d.value.spec?.replicas ?? 1,
        ready: s?.readyReplicas ?? 0,
        available: s?.availableReplicas ?? 0,
        updated: s?.updatedReplicas ?? 0,
      },
      job: null,
      conditions: conds(s?.conditions),
    };
  }
  if (ref.kind === "StatefulSet" || ref.kind === "DaemonSet") {
    const res =
      ref.kind === "StatefulSet"
        ? await kubeCall("statefulsets", t, (o) =>
            apps.readNamespacedStatefulSet({ namespace, name: ref.name }, o),
          )
        : await kubeCall("daemonsets", t, (o) =>
            apps.readNamespacedDaemonSet({ namespace, name: ref.name }, o),
          );
    if (!res.ok) return fail(res.error, bare(ref));
    const obj = res.value;
    const replicas =
      "currentNumberScheduled" in (obj.status ?? {})
        ? daemonReplicas(obj.status as DaemonStatus)
        : statefulReplicas(obj.spec as { replicas?: number }, obj.status as StatefulStatus);
    return { ...bare(ref), replicas, conditions: conds(obj.status?.conditions) };
  }
  if (ref.kind === "Job") {
    const job = await kubeCall("jobs", t, (o) => batch.readNamespacedJob({ namespace, name: ref.name }, o));
    if (!job.ok) return fail(job.error, bare(ref));
    const s = job.value.status;
    return {
      ...bare(ref),
      job: {
        active: s?.active ?? 0,
        succeeded: s?.succeeded ?? 0,
        failed: s?.failed ?? 0,
        cronjob: job.value.metadata?.ownerReferences?.find((o) => o.kind === "CronJob")?.name ?? null,
      },
      conditions: conds(s?.conditions),
    };
  }
  return bare(ref);
}

interface DaemonStatus {
  desiredNumberScheduled: number;
  numberReady: number;
  numberAvailable?: number;
  updatedNumberScheduled?: number;
}
interface StatefulStatus {
  readyReplicas?: number;
  availableReplicas?: number;
  updatedReplicas?: number;
}

const daemonReplicas = (s: DaemonStatus) => ({
  desired: s.desiredNumberScheduled,
  ready: s.numberReady,
  available: s.numberAvailable ?? 0,
  updated: s.updatedNumberScheduled ?? 0,
});
const statefulReplicas = (spec: { replicas?: number } | undefined, s: StatefulStatus | undefined) => ({
  desired: spec?.replicas ?? 1,
  ready: s?.readyReplicas ?? 0,
  available: s?.availableReplicas ?? 0,
  updated: s?.updatedReplicas ?? 0,
});
