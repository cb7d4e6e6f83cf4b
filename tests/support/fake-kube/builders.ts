// Builders for realistic API objects (the shape a real API server returns, minus managedFields).
// Used by the bench's synthetic cluster and to author the JSON fixtures.
import { createHash } from "node:crypto";

export const uid = (seed: string) => {
  const h = createHash("sha1").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
export const hash = (seed: string, len = 10) =>
  createHash("sha1")
    .update(seed)
    .digest("hex")
    .replace(/[0-9]/g, (d) => "bcdfghjklm"[Number(d)])
    .slice(0, len);

let rv = 48_100_000;
type Meta = {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
};
export const meta = <E extends Record<string, unknown> = Record<string, never>>(
  kind: string,
  ns: string | null,
  name: string,
  created: string,
  extra: E = {} as E,
): Meta & E => ({
  name,
  ...(ns ? { namespace: ns } : {}),
  uid: uid(`${kind}/${ns}/${name}`),
  resourceVersion: String(rv++),
  creationTimestamp: created,
  ...extra,
});
export const cond = (type: string, status: string, at: string, reason?: string, message?: string) => ({
  type,
  status,
  lastTransitionTime: at,
  ...(reason ? { reason } : {}),
  ...(message ? { message } : {}),
});

export interface NodeOpts {
  ready?: "True" | "False" | "Unknown";
  pressure?: Partial<Record<"MemoryPressure" | "DiskPressure" | "PIDPressure", boolean>>;
  unschedulable?: boolean;
  at?: string;
  zone?: string;
}

export function node(name: string, o: NodeOpts = {}) {
  const at = o.at ?? "2026-02-11T06:03:12Z";
  const p = o.pressure ?? {};
  const hb = "2026-03-02T09:58:40Z";
  const nodeCond = (
    type: string,
    on: boolean,
    okReason: string,
    badReason: string,
    okMsg: string,
    badMsg: string,
  ) => ({
    type,
    status: on ? "True" : "False",
    lastHeartbeatTime: hb,
    lastTransitionTime: at,
    reason: on ? badReason : okReason,
    message: on ? badMsg : okMsg,
  });
  const ready = o.ready ?? "True";
  return {
    metadata: meta("Node", null, name, "2026-01-14T11:20:05Z", {
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": "m6i.xlarge",
        "topology.kubernetes.io/region": "eu-west-1",
        "topology.kubernetes.io/zone": o.zone ?? "eu-west-1a",
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    }),
    spec: {
      podCIDR: "10.244.1.0/24",
      providerID: `aws:///eu-west-1a/i-0${hash(name, 16)}`,
      ...(o.unschedulable
        ? {
            unschedulable: true,
            taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: at }],
          }
        : {}),
    },
    status: {
      capacity: { cpu: "4", "ephemeral-storage": "83873772Ki", memory: "16078848Ki", pods: "58" },
      allocatable: { cpu: "3920m", "ephemeral-storage": "76224326324", memory: "15062016Ki", pods: "58" },
      conditions: [
        nodeCond(
          "MemoryPressure",
          !!p.MemoryPressure,
          "KubeletHasSufficientMemory",
          "KubeletHasInsufficientMemory",
          "kubelet has sufficient memory available",
          "kubelet has insufficient memory available",
        ),
        nodeCond(
          "DiskPressure",
          !!p.DiskPressure,
          "KubeletHasNoDiskPressure",
          "KubeletHasDiskPressure",
          "kubelet has no disk pressure",
          "kubelet has disk pressure",
        ),
        nodeCond(
          "PIDPressure",
          !!p.PIDPressure,
          "KubeletHasSufficientPID",
          "KubeletHasInsufficientPID",
          "kubelet has sufficient PID available",
          "kubelet has insufficient PID available",
        ),
        {
          type: "Ready",
          status: ready,
          lastHeartbeatTime: ready === "Unknown" ? "2026-03-02T09:41:02Z" : hb,
          lastTransitionTime: at,
          reason:
            ready === "True" ? "KubeletReady" : ready === "Unknown" ? "NodeStatusUnknown" : "KubeletNotReady",
          message:
            ready === "True"
              ? "kubelet is posting ready status"
              : ready === "Unknown"
                ? "Kubelet stopped posting node status."
                : "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
        },
      ],
      addresses: [
        {
          type: "InternalIP",
          address: `10.0.${name.length}.${(name.charCodeAt(name.length - 1) % 200) + 10}`,
        },
        { type: "Hostname", address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: hash(`${name}-m`, 32),
        systemUUID: uid(`${name}-sys`),
        bootID: uid(`${name}-boot`),
        kernelVersion: "6.1.119-129.201.amzn2023.x86_64",
        osImage: "Amazon Linux 2023.6.20250107",
        containerRuntimeVersion: "containerd://1.7.25",
        kubeletVersion: "v1.31.4-eks-aeac579",
        kubeProxyVersion: "v1.31.4-eks-aeac579",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

export interface ContainerOpts {
  name: string;
  image: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  state?: Record<string, unknown>;
  lastState?: Record<string, unknown>;
  restartCount?: number;
  ready?: boolean;
  probes?: boolean;
}

export interface PodOpts {
  ns: string;
  name: string;
  labels?: Record<string, string>;
  owner?: { kind: string; name: string; apiVersion?: string };
  node?: string | null;
  phase?: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
  containers: ContainerOpts[];
  conditions?: ReturnType<typeof cond>[];
  reason?: string;
  message?: string;
  created?: string;
  restartPolicy?: string;
}

export function pod(o: PodOpts) {
  const created = o.created ?? "2026-03-01T14:22:31Z";
  const phase = o.phase ?? "Running";
  const allReady = o.containers.every((c) => c.ready ?? phase === "Running");
  const scheduled = o.node !== null;
  const conditions =
    o.conditions ??
    (scheduled
      ? [
          cond("PodReadyToStartContainers", "True", created),
          cond("Initialized", "True", created),
          cond("Ready", allReady ? "True" : "False", created, allReady ? undefined : "ContainersNotReady"),
          cond(
            "ContainersReady",
            allReady ? "True" : "False",
            created,
            allReady ? undefined : "ContainersNotReady",
          ),
          cond("PodScheduled", "True", created),
        ]
      : [cond("PodScheduled", "False", created, "Unschedulable", "0/3 nodes are available.")]);
  return {
    metadata: meta("Pod", o.ns, o.name, created, {
      ...(o.owner ? { generateName: `${o.name.slice(0, o.name.lastIndexOf("-") + 1)}` } : {}),
      labels: o.labels ?? {},
      ...(o.owner
        ? {
            ownerReferences: [
              {
                apiVersion: o.owner.apiVersion ?? (o.owner.kind === "Job" ? "batch/v1" : "apps/v1"),
                kind: o.owner.kind,
                name: o.owner.name,
                uid: uid(`${o.owner.kind}/${o.ns}/${o.owner.name}`),
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    }),
    spec: {
      containers: o.containers.map((c) => ({
        name: c.name,
        image: c.image,
        ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
        resources: {
          ...(c.requests ? { requests: c.requests } : {}),
          ...(c.limits ? { limits: c.limits } : {}),
        },
        ...(c.probes
          ? {
              livenessProbe: {
                httpGet: { path: "/healthz", port: "http", scheme: "HTTP" },
                periodSeconds: 10,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              readinessProbe: {
                httpGet: { path: "/ready", port: "http", scheme: "HTTP" },
                periodSeconds: 5,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
            }
          : {}),
        terminationMessagePath: "/dev/termination-log",
        terminationMessagePolicy: "File",
        imagePullPolicy: "IfNotPresent",
      })),
      restartPolicy: o.restartPolicy ?? "Always",
      terminationGracePeriodSeconds: 30,
      dnsPolicy: "ClusterFirst",
      serviceAccountName: "default",
      ...(o.node ? { nodeName: o.node } : {}),
      schedulerName: "default-scheduler",
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
    },
    status: {
      phase,
      conditions,
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.message ? { message: o.message } : {}),
      ...(scheduled
        ? {
            hostIP: "10.0.12.41",
            hostIPs: [{ ip: "10.0.12.41" }],
            podIP: `10.244.1.${(hash(o.name, 2).charCodeAt(0) % 200) + 20}`,
            podIPs: [{ ip: `10.244.1.${(hash(o.name, 2).charCodeAt(0) % 200) + 20}` }],
            startTime: created,
            containerStatuses: o.containers.map((c) => ({
              name: c.name,
              state: c.state ?? { running: { startedAt: created } },
              lastState: c.lastState ?? {},
              ready: c.ready ?? phase === "Running",
              restartCount: c.restartCount ?? 0,
              image: c.image,
              imageID:
                c.state && "waiting" in c.state ? "" : `${c.image.split(":")[0]}@sha256:${hash(c.image, 64)}`,
              containerID:
                c.state && "waiting" in c.state && !c.lastState
                  ? undefined
                  : `containerd://${hash(`${o.name}/${c.name}`, 64)}`,
              started: !(c.state && ("waiting" in c.state || "terminated" in c.state)),
            })),
          }
        : {}),
      qosClass: "Burstable",
    },
  };
}
