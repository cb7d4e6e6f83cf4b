import { cond, hash, meta, uid } from "./builders";

const ownerRef = (kind: string, ns: string, name: string, apiVersion = "apps/v1") => ({
  apiVersion,
  kind,
  name,
  uid: uid(`${kind}/${ns}/${name}`),
  controller: true,
  blockOwnerDeletion: true,
});

export interface DeploymentOpts {
  ns: string;
  name: string;
  image: string;
  replicas: number;
  available?: number;
  ready?: number;
  labels?: Record<string, string>;
  progressDeadlineExceeded?: boolean;
  created?: string;
}

export function deployment(o: DeploymentOpts) {
  const available = o.available ?? o.replicas;
  const ready = o.ready ?? available;
  const created = o.created ?? "2026-02-18T10:04:51Z";
  const rsName = `${o.name}-${hash(`${o.ns}/${o.name}`, 10)}`;
  const labels = { "app.kubernetes.io/name": o.name, ...(o.labels ?? {}) };
  return {
    metadata: meta("Deployment", o.ns, o.name, created, {
      generation: 7,
      labels,
      annotations: { "deployment.kubernetes.io/revision": "7" },
    }),
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { "app.kubernetes.io/name": o.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: o.name,
              image: o.image,
              ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
            },
          ],
          restartPolicy: "Always",
        },
      },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 7,
      replicas: o.replicas,
      updatedReplicas: o.replicas,
      readyReplicas: ready || undefined,
      availableReplicas: available || undefined,
      ...(available < o.replicas ? { unavailableReplicas: o.replicas - available } : {}),
      conditions: [
        available >= o.replicas
          ? cond(
              "Available",
              "True",
              created,
              "MinimumReplicasAvailable",
              "Deployment has minimum availability.",
            )
          : cond(
              "Available",
              "False",
              "2026-03-02T09:20:00Z",
              "MinimumReplicasUnavailable",
              "Deployment does not have minimum availability.",
            ),
        o.progressDeadlineExceeded
          ? cond(
              "Progressing",
              "False",
              "2026-03-02T09:30:00Z",
              "ProgressDeadlineExceeded",
              `ReplicaSet "${rsName}" has timed out progressing.`,
            )
          : cond(
              "Progressing",
              "True",
              created,
              "NewReplicaSetAvailable",
              `ReplicaSet "${rsName}" has successfully progressed.`,
            ),
      ].map((c) => ({ ...c, lastUpdateTime: c.lastTransitionTime })),
    },
    rsName,
  };
}

/** The ReplicaSet a Deployment created; returns [replicaSet, podTemplateHash]. */
export function replicaSetFor(d: ReturnType<typeof deployment>) {
  const ns = d.metadata.namespace!;
  const podHash = d.rsName.slice(d.metadata.name.length + 1);
  const labels = { ...d.spec.template.metadata.labels, "pod-template-hash": podHash };
  return {
    metadata: meta("ReplicaSet", ns, d.rsName, d.metadata.creationTimestamp, {
      generation: 1,
      labels,
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(d.spec.replicas),
        "deployment.kubernetes.io/max-replicas": String(Math.ceil(d.spec.replicas * 1.25)),
        "deployment.kubernetes.io/revision": "7",
      },
      ownerReferences: [ownerRef("Deployment", ns, d.metadata.name)],
    }),
    spec: {
      replicas: d.spec.replicas,
      selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": podHash } },
      template: { ...d.spec.template, metadata: { labels } },
    },
    status: {
      replicas: d.spec.replicas,
      fullyLabeledReplicas: d.spec.replicas,
      readyReplicas: d.status.readyReplicas,
      availableReplicas: d.status.availableReplicas,
      observedGeneration: 1,
    },
  };
}

export function event(o: {
  ns: string;
  kind: string;
  name: string;
  reason: string;
  message: string;
  type?: "Normal" | "Warning";
  count?: number;
  first?: string;
  last?: string;
  fieldPath?: string;
  component?: string;
}) {
  const last = o.last ?? "2026-03-02T09:57:12Z";
  const objUid = uid(`${o.kind}/${o.ns}/${o.name}`);
  return {
    metadata: meta(
      "Event",
      o.ns,
      `${o.name}.${hash(`${o.name}/${o.reason}/${o.message}`, 16)}`,
      o.first ?? last,
    ),
    involvedObject: {
      kind: o.kind,
      namespace: o.ns,
      name: o.name,
      uid: objUid,
      apiVersion: o.kind === "Pod" || o.kind === "PersistentVolumeClaim" ? "v1" : "apps/v1",
      resourceVersion: "48100321",
      ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}),
    },
    reason: o.reason,
    message: o.message,
    source: {
      component: o.component ?? "kubelet",
      host: o.component ? undefined : "ip-10-0-12-41.eu-west-1.compute.internal",
    },
    firstTimestamp: o.first ?? last,
    lastTimestamp: last,
    count: o.count ?? 1,
    type: o.type ?? "Warning",
    eventTime: null,
    reportingComponent: o.component ?? "kubelet",
    reportingInstance: o.component ? "" : "ip-10-0-12-41.eu-west-1.compute.internal",
  };
}

export function hpa(o: {
  ns: string;
  name: string;
  target: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  cpu?: number;
  limited?: boolean;
  activeFalse?: boolean;
}) {
  const at = "2026-03-02T08:40:00Z";
  return {
    metadata: meta("HorizontalPodAutoscaler", o.ns, o.name, "2026-02-18T10:05:02Z"),
    spec: {
      scaleTargetRef: { kind: "Deployment", name: o.target, apiVersion: "apps/v1" },
      minReplicas: o.min,
      maxReplicas: o.max,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
      ],
    },
    status: {
      lastScaleTime: at,
      currentReplicas: o.current,
      desiredReplicas: o.desired,
      currentMetrics: o.activeFalse
        ? [{ type: "" }]
        : [
            {
              type: "Resource",
              resource: { name: "cpu", current: { averageValue: "212m", averageUtilization: o.cpu ?? 45 } },
            },
          ],
      conditions: [
        cond("AbleToScale", "True", at, "ReadyForNewScale", "recommended size matches current size"),
        o.activeFalse
          ? cond(
              "ScalingActive",
              "False",
              at,
              "FailedGetResourceMetric",
              "the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API",
            )
          : cond(
              "ScalingActive",
              "True",
              at,
              "ValidMetricFound",
              "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
            ),
        o.limited
          ? cond(
              "ScalingLimited",
              "True",
              at,
              o.current >= o.max ? "TooManyReplicas" : "TooFewReplicas",
              o.current >= o.max
                ? "the desired replica count is more than the maximum replica count"
                : "the desired replica count is less than the minimum replica count",
            )
          : cond(
              "ScalingLimited",
              "False",
              at,
              "DesiredWithinRange",
              "the desired count is within the acceptable range",
            ),
      ],
    },
  };
}

export function quota(o: {
  ns: string;
  name: string;
  hard: Record<string, string>;
  used: Record<string, string>;
}) {
  return {
    metadata: meta("ResourceQuota", o.ns, o.name, "2026-01-20T12:00:00Z"),
    spec: { hard: o.hard },
    status: { hard: o.hard, used: o.used },
  };
}

export { ownerRef };
