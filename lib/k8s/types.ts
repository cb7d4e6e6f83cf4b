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

export type Severity = "critical" | "high" | "medium" | "low";

/** One finding, in the spirit of a K8sGPT analyzer result. */
export interface Problem {
  kind: string;
  namespace: string | null;
  name: string;
  severity: Severity;
  reason: string;
  message: string;
  hint: string;
}

/** A resource kind that could not be read; the rest of the answer is still returned. */
export interface ResourceError {
  resource: string;
  message: string;
}

/** Kubernetes `Event` (core/v1) fields the analyzers read; a subset of CoreV1Event. */
export interface KubeEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: Date;
  lastTimestamp?: Date;
  eventTime?: Date;
  involvedObject: { kind?: string; name?: string; namespace?: string; fieldPath?: string };
  metadata?: { creationTimestamp?: Date };
}

/** Everything one collection pass read; a kind that failed is an empty list plus an entry in `errors`. */
export interface ClusterSnapshot {
  namespace: string | null;
  nodes: V1Node[];
  pods: V1Pod[];
  deployments: V1Deployment[];
  hpas: V2HorizontalPodAutoscaler[];
  quotas: V1ResourceQuota[];
  services: V1Service[];
  endpointSlices: V1EndpointSlice[];
  /** Only filled when EndpointSlices are unavailable (older clusters / RBAC). */
  endpoints: V1Endpoints[] | null;
  pvcs: V1PersistentVolumeClaim[];
  jobs: V1Job[];
  cronJobs: V1CronJob[];
  ingresses: V1Ingress[];
  warningEvents: KubeEvent[];
  errors: ResourceError[];
  /** False when not a single list call succeeded: the API server is unreachable. */
  reachable: boolean;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.namespace ?? "").localeCompare(b.namespace ?? "") ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
}
