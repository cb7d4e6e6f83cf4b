import type { V1Container, V1ContainerStatus, V1OwnerReference, V1Pod } from "@kubernetes/client-node";
import { redactStrings } from "@/lib/diagnose/redact-object";
import { analyzeNodes } from "./analyzers/nodes";
import { analyzePods } from "./analyzers/pods";
import { kubeCall } from "./call";
import type { KubeClients } from "./client";
import { describeOwner, type OwnerSummary } from "./owner";
import type { KubeEvent, Problem, ResourceError } from "./types";

export interface ContainerSummary {
  name: string;
  init: boolean;
  image: string;
  ready: boolean;
  state: "running" | "waiting" | "terminated" | "unknown";
  state_reason: string | null;
  state_message: string | null;
  restarts: number;
  last_termination: {
    reason: string | null;
    exit_code: number;
    finished_at: string | null;
    message: string | null;
  } | null;
  requests: Record<string, string>;
  limits: Record<string, string>;
}

export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  count: number;
  last_seen: string | null;
}

export interface PodContext {
  found: true;
  pod: {
    name: string;
    namespace: string;
    phase: string;
    reason: string | null;
    message: string | null;
    node: string | null;
    pod_ip: string | null;
    started_at: string | null;
    /** PersistentVolumeClaims the pod mounts (names, for concrete commands). */
    claims: string[];
    conditions: { type: string; status: string; reason: string | null; message: string | null }[];
  };
  containers: ContainerSummary[];
  events: EventSummary[];
  owner: OwnerSummary | null;
  /** The node's unhealthy conditions (not Ready, pressure True); empty when healthy or unreadable. */
  node_conditions: { type: string; status: string; reason: string | null; message: string | null }[];
  problems: Problem[];
  errors: ResourceError[];
}

export interface PodNotFound {
  found: false;
  namespace: string;
  name: string;
  reason: "not-connected" | "not-found" | "unavailable";
  message: string;
  errors: ResourceError[];
}

const iso = (d: Date | string | undefined | null) => (d ? new Date(d).toISOString() : null);

/**
 * Everything a caller sees about one pod (the API, the chat tool, the
 * diagnosis): status, containers with their termination messages, events,
 * owner. Redacted here, once, because every one of those callers returns or
 * forwards the text.
 */
export async function collectPodContext(
  clients: KubeClients | null,
  ref: { namespace: string; name: string },
  opts: { now?: Date } = {},
): Promise<PodContext | PodNotFound> {
  return redactStrings(await collectUnredacted(clients, ref, opts));
}

async function collectUnredacted(
  clients: KubeClients | null,
  ref: { namespace: string; name: string },
  opts: { now?: Date },
): Promise<PodContext | PodNotFound> {
  const { namespace, name } = ref;
  if (!clients) {
    return {
      found: false,
      namespace,
      name,
      reason: "not-connected",
      message: "no cluster connected",
      errors: [],
    };
  }
  const read = await kubeCall("pods", clients.timeoutMs, (o) =>
    clients.core.readNamespacedPod({ namespace, name }, o),
  );
  if (!read.ok) {
    const notFound = read.status === 404;
    return {
      found: false,
      namespace,
      name,
      reason: notFound ? "not-found" : "unavailable",
      message: notFound ? `pod ${namespace}/${name} not found` : read.error.message,
      errors: notFound ? [] : [read.error],
    };
  }
  const pod = read.value;
  const errors: ResourceError[] = [];
  const fieldSelector = `involvedObject.name=${name},involvedObject.namespace=${namespace}`;
  const controller =
    pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
  const nodeName = pod.spec?.nodeName;
  const [eventsRes, owner, nodeRes] = await Promise.all([
    kubeCall("events", clients.timeoutMs, (o) =>
      clients.core.listNamespacedEvent({ namespace, fieldSelector }, o),
    ),
    controller
      ? describeOwner(clients, namespace, controller as V1OwnerReference, errors)
      : Promise.resolve(null),
    // The node's state is part of why a pod fails (pressure evictions, NotReady).
    nodeName
      ? kubeCall("nodes", clients.timeoutMs, (o) => clients.core.readNode({ name: nodeName }, o))
      : Promise.resolve(null),
  ]);
  if (nodeRes && !nodeRes.ok) errors.push(nodeRes.error);
  const node = nodeRes?.ok ? nodeRes.value : null;
  const events = eventsRes.ok ? (eventsRes.value.items as KubeEvent[]) : [];
  if (!eventsRes.ok) errors.push(eventsRes.error);

  return {
    found: true,
    pod: {
      name,
      namespace,
      phase: pod.status?.phase ?? "Unknown",
      reason: pod.status?.reason ?? null,
      message: pod.status?.message ?? null,
      node: pod.spec?.nodeName ?? null,
      pod_ip: pod.status?.podIP ?? null,
      started_at: iso(pod.status?.startTime),
      claims: (pod.spec?.volumes ?? []).flatMap((v) =>
        v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : [],
      ),
      conditions: (pod.status?.conditions ?? []).map((c) => ({
        type: c.type,
        status: c.status,
        reason: c.reason ?? null,
        message: c.message ?? null,
      })),
    },
    containers: summarizeContainers(pod),
    events: events
      .map((e) => ({
        type: e.type ?? "Normal",
        reason: e.reason ?? "",
        message: e.message ?? "",
        count: e.count ?? 1,
        last_seen: iso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp),
      }))
      .sort((a, b) => (b.last_seen ?? "").localeCompare(a.last_seen ?? "")),
    owner,
    node_conditions: (node?.status?.conditions ?? [])
      .filter((c) => (c.type === "Ready" ? c.status !== "True" : c.status === "True"))
      .map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? null, message: c.message ?? null })),
    problems: [...analyzePods([pod], { now: opts.now, events }), ...(node ? analyzeNodes([node]) : [])],
    errors,
  };
}

export function summarizeContainers(pod: V1Pod): ContainerSummary[] {
  const byName = new Map<string, V1ContainerStatus>();
  for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    byName.set(cs.name, cs);
  }
  const one = (c: V1Container, init: boolean): ContainerSummary => {
    const cs = byName.get(c.name);
    const state = cs?.state?.running
      ? "running"
      : cs?.state?.waiting
        ? "waiting"
        : cs?.state?.terminated
          ? "terminated"
          : "unknown";
    const detail = cs?.state?.waiting ?? cs?.state?.terminated;
    const last = cs?.lastState?.terminated;
    return {
      name: c.name,
      init,
      image: c.image ?? cs?.image ?? "",
      ready: cs?.ready ?? false,
      state,
      state_reason: detail?.reason ?? null,
      state_message: detail?.message ?? null,
      restarts: cs?.restartCount ?? 0,
      last_termination: last
        ? {
            reason: last.reason ?? null,
            exit_code: last.exitCode,
            finished_at: iso(last.finishedAt),
            message: last.message ?? null,
          }
        : null,
      requests: stringMap(c.resources?.requests),
      limits: stringMap(c.resources?.limits),
    };
  };
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => one(c, true)),
    ...(pod.spec?.containers ?? []).map((c) => one(c, false)),
  ];
}

function stringMap(m: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, String(v)]));
}
