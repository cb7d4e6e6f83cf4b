import { isHpaAtMax } from "./analyzers/hpas";
import { isQuotaNearLimit } from "./analyzers/quotas";
import type { ClusterHealthSummary } from "./schema";
import type { ClusterSnapshot } from "./types";

export function emptySummary(): ClusterHealthSummary {
  return {
    nodes: { ready: 0, total: 0 },
    pods: { by_phase: {}, restarting: 0 },
    deployments: { available: 0, total: 0 },
    hpas_at_max: 0,
    quotas_near_limit: 0,
  };
}

export function summarize(s: ClusterSnapshot): ClusterHealthSummary {
  const byPhase: Record<string, number> = {};
  let restarting = 0;
  for (const pod of s.pods) {
    const phase = pod.status?.phase ?? "Unknown";
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
    // "Restarting" = a live pod with at least one container restart; finished pods are excluded.
    if (phase !== "Succeeded" && phase !== "Failed") {
      const statuses = [
        ...(pod.status?.initContainerStatuses ?? []),
        ...(pod.status?.containerStatuses ?? []),
      ];
      if (statuses.some((c) => c.restartCount > 0)) restarting++;
    }
  }
  const nodesReady = s.nodes.filter((n) =>
    n.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
  ).length;
  const deploymentsAvailable = s.deployments.filter(
    (d) => (d.status?.availableReplicas ?? 0) >= (d.spec?.replicas ?? 1),
  ).length;
  return {
    nodes: { ready: nodesReady, total: s.nodes.length },
    pods: { by_phase: byPhase, restarting },
    deployments: { available: deploymentsAvailable, total: s.deployments.length },
    hpas_at_max: s.hpas.filter(isHpaAtMax).length,
    quotas_near_limit: s.quotas.filter(isQuotaNearLimit).length,
  };
}
