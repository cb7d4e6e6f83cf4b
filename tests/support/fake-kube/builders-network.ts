import { cond, hash, meta, uid } from "./builders";
import { ownerRef } from "./builders-workloads";

export function service(o: {
  ns: string;
  name: string;
  selector?: Record<string, string>;
  type?: string;
  port?: number;
}) {
  return {
    metadata: meta("Service", o.ns, o.name, "2026-02-18T10:04:51Z", {
      labels: { "app.kubernetes.io/name": o.name },
    }),
    spec: {
      type: o.type ?? "ClusterIP",
      ...(o.type === "ExternalName"
        ? { externalName: `${o.name}.example.internal` }
        : {
            clusterIP: `172.20.${o.name.length * 7}.${(o.name.charCodeAt(0) % 200) + 10}`,
            clusterIPs: [`172.20.${o.name.length * 7}.${(o.name.charCodeAt(0) % 200) + 10}`],
            ipFamilies: ["IPv4"],
            ipFamilyPolicy: "SingleStack",
            ports: [{ name: "http", protocol: "TCP", port: o.port ?? 80, targetPort: "http" }],
            ...(o.selector ? { selector: o.selector } : {}),
          }),
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
    },
    status: { loadBalancer: {} },
  };
}

/** EndpointSlice as the endpointslice controller writes it; `ready`/`notReady` are pod IP counts. */
export function endpointSlice(o: {
  ns: string;
  service: string;
  ready: number;
  notReady?: number;
  node?: string;
}) {
  const name = `${o.service}-${hash(`${o.ns}/${o.service}`, 5)}`;
  const ep = (i: number, ready: boolean) => ({
    addresses: [`10.244.${ready ? 1 : 2}.${i + 30}`],
    conditions: { ready, serving: ready, terminating: false },
    targetRef: {
      kind: "Pod",
      namespace: o.ns,
      name: `${o.service}-${hash(`${o.service}${i}${ready}`, 10)}-${hash(`${i}`, 5)}`,
      uid: uid(`${o.service}${i}`),
    },
    nodeName: o.node ?? "ip-10-0-12-41.eu-west-1.compute.internal",
    zone: "eu-west-1a",
  });
  return {
    metadata: meta("EndpointSlice", o.ns, name, "2026-02-18T10:04:52Z", {
      generateName: `${o.service}-`,
      generation: 3,
      labels: {
        "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
        "kubernetes.io/service-name": o.service,
      },
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": "2026-03-02T09:12:10Z" },
      ownerReferences: [{ ...ownerRef("Service", o.ns, o.service, "v1"), blockOwnerDeletion: true }],
    }),
    addressType: "IPv4",
    endpoints: [
      ...Array.from({ length: o.ready }, (_, i) => ep(i, true)),
      ...Array.from({ length: o.notReady ?? 0 }, (_, i) => ep(i, false)),
    ],
    ports: [{ name: "http", protocol: "TCP", port: 8080 }],
  };
}

export function endpoints(o: { ns: string; service: string; ready: number; notReady?: number }) {
  const addr = (i: number, ready: boolean) => ({
    ip: `10.244.${ready ? 1 : 2}.${i + 30}`,
    nodeName: "ip-10-0-12-41.eu-west-1.compute.internal",
    targetRef: {
      kind: "Pod",
      namespace: o.ns,
      name: `${o.service}-${hash(`${o.service}${i}${ready}`, 10)}-${hash(`${i}`, 5)}`,
      uid: uid(`${o.service}${i}`),
    },
  });
  const ready = Array.from({ length: o.ready }, (_, i) => addr(i, true));
  const notReady = Array.from({ length: o.notReady ?? 0 }, (_, i) => addr(i, false));
  return {
    metadata: meta("Endpoints", o.ns, o.service, "2026-02-18T10:04:52Z", {
      labels: { "app.kubernetes.io/name": o.service },
      annotations: { "endpoints.kubernetes.io/last-change-trigger-time": "2026-03-02T09:12:10Z" },
    }),
    subsets:
      ready.length + notReady.length === 0
        ? undefined
        : [
            {
              ...(ready.length ? { addresses: ready } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady } : {}),
              ports: [{ name: "http", port: 8080, protocol: "TCP" }],
            },
          ],
  };
}

export function pvc(o: {
  ns: string;
  name: string;
  phase: "Pending" | "Bound" | "Lost";
  storageClass?: string;
  size?: string;
}) {
  const bound = o.phase === "Bound";
  return {
    metadata: meta("PersistentVolumeClaim", o.ns, o.name, "2026-03-02T08:51:19Z", {
      annotations: {
        "volume.beta.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
        "volume.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
        ...(bound
          ? { "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" }
          : {}),
      },
      finalizers: ["kubernetes.io/pvc-protection"],
    }),
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: o.size ?? "10Gi" } },
      storageClassName: o.storageClass ?? "gp3",
      volumeMode: "Filesystem",
      ...(bound ? { volumeName: `pvc-${uid(`${o.ns}/${o.name}`)}` } : {}),
    },
    status: bound
      ? { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: o.size ?? "10Gi" } }
      : { phase: o.phase },
  };
}

export function job(o: {
  ns: string;
  name: string;
  outcome: "complete" | "failed" | "running";
  cronJob?: string;
  created?: string;
  failReason?: string;
}) {
  const created = o.created ?? "2026-03-02T06:00:00Z";
  const done = "2026-03-02T06:04:37Z";
  const labels = {
    "batch.kubernetes.io/job-name": o.name,
    "job-name": o.name,
    "batch.kubernetes.io/controller-uid": uid(`Job/${o.ns}/${o.name}`),
  };
  return {
    metadata: meta("Job", o.ns, o.name, created, {
      generation: 1,
      labels,
      ...(o.cronJob
        ? {
            ownerReferences: [ownerRef("CronJob", o.ns, o.cronJob, "batch/v1")],
            annotations: { "batch.kubernetes.io/cronjob-scheduled-timestamp": created },
          }
        : {}),
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 3,
      completionMode: "NonIndexed",
      suspend: false,
      selector: {
        matchLabels: { "batch.kubernetes.io/controller-uid": labels["batch.kubernetes.io/controller-uid"] },
      },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: "main", image: "ghcr.io/acme/batch:2.3.1" }], restartPolicy: "Never" },
      },
    },
    status:
      o.outcome === "complete"
        ? {
            startTime: created,
            completionTime: done,
            succeeded: 1,
            terminating: 0,
            ready: 0,
            uncountedTerminatedPods: {},
            conditions: [cond("SuccessCriteriaMet", "True", done), cond("Complete", "True", done)].map(
              (c) => ({ ...c, lastProbeTime: done }),
            ),
          }
        : o.outcome === "failed"
          ? {
              startTime: created,
              failed: 4,
              terminating: 0,
              ready: 0,
              uncountedTerminatedPods: {},
              conditions: [
                cond(
                  "FailureTarget",
                  "True",
                  done,
                  o.failReason ?? "BackoffLimitExceeded",
                  "Job has reached the specified backoff limit",
                ),
                cond(
                  "Failed",
                  "True",
                  done,
                  o.failReason ?? "BackoffLimitExceeded",
                  "Job has reached the specified backoff limit",
                ),
              ].map((c) => ({ ...c, lastProbeTime: done })),
            }
          : { startTime: created, active: 1, terminating: 0, ready: 1, uncountedTerminatedPods: {} },
  };
}

export function cronJob(o: {
  ns: string;
  name: string;
  schedule: string;
  lastSchedule: string;
  lastSuccess?: string;
  suspend?: boolean;
}) {
  return {
    metadata: meta("CronJob", o.ns, o.name, "2026-01-20T12:00:00Z", { generation: 1 }),
    spec: {
      schedule: o.schedule,
      concurrencyPolicy: "Forbid",
      suspend: o.suspend ?? false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 3,
          template: {
            spec: {
              containers: [{ name: "main", image: "ghcr.io/acme/batch:2.3.1" }],
              restartPolicy: "Never",
            },
          },
        },
      },
    },
    status: {
      lastScheduleTime: o.lastSchedule,
      ...(o.lastSuccess ? { lastSuccessfulTime: o.lastSuccess } : {}),
    },
  };
}

export function ingress(o: {
  ns: string;
  name: string;
  host: string;
  backends: string[];
  className?: string;
}) {
  return {
    metadata: meta("Ingress", o.ns, o.name, "2026-02-18T10:05:10Z", {
      generation: 1,
      annotations: { "alb.ingress.kubernetes.io/scheme": "internal" },
    }),
    spec: {
      ingressClassName: o.className ?? "alb",
      rules: o.backends.length
        ? [
            {
              host: o.host,
              http: {
                paths: o.backends.map((svc, i) => ({
                  path: i === 0 ? "/" : `/${svc}`,
                  pathType: "Prefix",
                  backend: { service: { name: svc, port: { name: "http" } } },
                })),
              },
            },
          ]
        : [],
    },
    status: {
      loadBalancer: {
        ingress: [{ hostname: `internal-k8s-${hash(o.name, 8)}.eu-west-1.elb.amazonaws.com` }],
      },
    },
  };
}
