import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import type { KubeEvent, Problem, Severity } from "../types";
import { eventsFor, eventTime, isRecent, problem } from "./util";

const WAITING: Record<string, { severity: Severity; hint: string }> = {
  CrashLoopBackOff: {
    severity: "critical",
    hint: "Check the previous container logs (kubectl logs --previous) and the last exit code; fix the crash or its configuration.",
  },
  ImagePullBackOff: {
    severity: "high",
    hint: "Verify the image name and tag exist in the registry and that imagePullSecrets grant access.",
  },
  ErrImagePull: {
    severity: "high",
    hint: "Verify the image name and tag exist in the registry and that imagePullSecrets grant access.",
  },
  CreateContainerConfigError: {
    severity: "high",
    hint: "A referenced ConfigMap, Secret or key is missing; create it or fix the reference in the pod spec.",
  },
  InvalidImageName: {
    severity: "high",
    hint: "The image reference is not valid; fix the image field (registry/repository:tag).",
  },
  RunContainerError: {
    severity: "high",
    hint: "The runtime could not start the container; check the command, entrypoint, mounts and security context.",
  },
};

const OOM_HINT =
  "The container exceeded its memory limit; raise resources.limits.memory or reduce the workload's memory use.";
/** Old terminations say little about the current state, so only recent ones are reported. */
const RECENT_TERMINATION_MS = 60 * 60 * 1000;

export interface PodAnalyzerOptions {
  now?: Date;
  /** Warning events (used for failing probes); may be the whole cluster's. */
  events?: KubeEvent[];
}

export function analyzePods(pods: V1Pod[], opts: PodAnalyzerOptions = {}): Problem[] {
  const now = opts.now ?? new Date();
  return pods.flatMap((pod) => analyzePod(pod, opts.events ?? [], now));
}

function analyzePod(pod: V1Pod, events: KubeEvent[], now: Date): Problem[] {
  const ns = pod.metadata?.namespace;
  const name = pod.metadata?.name ?? "";
  const status = pod.status;
  // Completed pods (e.g. finished Job runs) are healthy by definition.
  if (status?.phase === "Succeeded") return [];
  if (status?.reason === "Evicted") {
    return [
      problem(
        "Pod",
        ns,
        name,
        "medium",
        "Evicted",
        status.message ?? "The pod was evicted from its node.",
        "The node ran short of a resource; set requests that reflect real usage and check node pressure.",
      ),
    ];
  }
  // A failed Job's pods are reported once, via the Job.
  const ownedByJob = pod.metadata?.ownerReferences?.some((o) => o.kind === "Job");
  if (status?.phase === "Failed" && ownedByJob) return [];

  const out: Problem[] = [];
  const scheduled = status?.conditions?.find((c) => c.type === "PodScheduled");
  if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") {
    out.push(
      problem(
        "Pod",
        ns,
        name,
        "high",
        "Unschedulable",
        scheduled.message ?? "No node can run this pod.",
        "Check resource requests, node selectors, affinities, taints/tolerations and cluster capacity.",
      ),
    );
  }
  const statuses = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  for (const cs of statuses) out.push(...analyzeContainer(ns, name, cs, now));
  out.push(...probeFailures(ns, name, events, now));
  return out;
}

function analyzeContainer(ns: string | undefined, pod: string, cs: V1ContainerStatus, now: Date): Problem[] {
  const waiting = cs.state?.waiting;
  const last = cs.lastState?.terminated;
  const current = cs.state?.terminated;
  const rule = waiting?.reason ? WAITING[waiting.reason] : undefined;
  if (waiting?.reason && rule) {
    const lastInfo = last ? ` Last termination: ${last.reason ?? "Error"} (exit code ${last.exitCode}).` : "";
    const oom = last?.reason === "OOMKilled";
    return [
      problem(
        "Pod",
        ns,
        pod,
        rule.severity,
        waiting.reason,
        `Container ${cs.name} is waiting: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ""}.` +
          ` Restarts: ${cs.restartCount}.${lastInfo}`,
        oom ? OOM_HINT : rule.hint,
      ),
    ];
  }
  const term = current ?? (last && isRecent(last.finishedAt, now, RECENT_TERMINATION_MS) ? last : undefined);
  if (!term) return [];
  if (term.reason === "OOMKilled") {
    return [
      problem(
        "Pod",
        ns,
        pod,
        "high",
        "OOMKilled",
        `Container ${cs.name} was OOMKilled (exit code ${term.exitCode}); restarts: ${cs.restartCount}.`,
        OOM_HINT,
      ),
    ];
  }
  if (term.exitCode !== 0) {
    return [
      problem(
        "Pod",
        ns,
        pod,
        "medium",
        "NonZeroExit",
        `Container ${cs.name} terminated with exit code ${term.exitCode}` +
          `${term.reason ? ` (${term.reason})` : ""}${term.message ? `: ${term.message}` : ""}.`,
        "Inspect the container logs around the termination for the failure cause.",
      ),
    ];
  }
  return [];
}

function probeFailures(ns: string | undefined, pod: string, events: KubeEvent[], now: Date): Problem[] {
  const unhealthy = eventsFor(events, "Pod", ns, pod).filter(
    (e) =>
      e.reason === "Unhealthy" && e.type !== "Normal" && isRecent(eventTime(e), now, RECENT_TERMINATION_MS),
  );
  if (unhealthy.length === 0) return [];
  const liveness = unhealthy.some((e) => /liveness/i.test(e.message ?? ""));
  const latest = unhealthy.reduce((a, b) =>
    (eventTime(b)?.getTime() ?? 0) > (eventTime(a)?.getTime() ?? 0) ? b : a,
  );
  const count = unhealthy.reduce((n, e) => n + (e.count ?? 1), 0);
  return [
    problem(
      "Pod",
      ns,
      pod,
      liveness ? "high" : "medium",
      "Unhealthy",
      `${liveness ? "Liveness" : "Readiness"} probe failing (${count}x): ${latest.message ?? "probe failed"}`,
      "Check the probe path/port/timeouts against the app's real startup and response times; consider a startupProbe.",
    ),
  ];
}
