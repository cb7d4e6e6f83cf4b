import type { ClusterHealth } from "@/lib/k8s/cluster-health";
import type { PodContext, PodNotFound } from "@/lib/k8s/collect-pod";
import type { ClusterHealthOutput, PodDetailsOutput } from "../types";

const MAX_PROBLEMS = 8;

/** Cluster health trimmed for a chat turn: counts plus the worst few problems (already sorted by severity). */
export function toClusterHealthOutput(health: ClusterHealth): ClusterHealthOutput {
  return {
    connected: health.connected,
    cluster: health.cluster,
    generatedAt: health.generated_at,
    nodes: health.summary.nodes,
    pods: { byPhase: health.summary.pods.by_phase, restarting: health.summary.pods.restarting },
    deployments: health.summary.deployments,
    problems: health.problems.slice(0, MAX_PROBLEMS),
    moreProblems: Math.max(0, health.problems.length - MAX_PROBLEMS),
  };
}

export function toPodDetailsOutput(pod: PodContext | PodNotFound): PodDetailsOutput {
  if (!pod.found) {
    return {
      found: false,
      namespace: pod.namespace,
      name: pod.name,
      message: pod.message,
      phase: null,
      node: null,
      containers: [],
      events: [],
      problems: [],
    };
  }
  return {
    found: true,
    namespace: pod.pod.namespace,
    name: pod.pod.name,
    message: pod.pod.message,
    phase: pod.pod.phase,
    node: pod.pod.node,
    containers: pod.containers.map((c) => ({
      name: c.name,
      ready: c.ready,
      state: c.state,
      reason: c.state_reason ?? c.last_termination?.reason ?? null,
      restarts: c.restarts,
    })),
    events: pod.events.slice(0, 10).map((e) => ({
      type: e.type,
      reason: e.reason,
      message: e.message,
      count: e.count,
      lastSeen: e.last_seen,
    })),
    problems: pod.problems.slice(0, MAX_PROBLEMS),
  };
}
