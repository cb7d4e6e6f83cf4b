/**
 * Turns the live pod context (lib/k8s/collect-pod, already redacted) into
 * evidence lines in the same vocabulary the log patterns read, so the pod's
 * waiting/terminated reasons, exit codes, restarts, events, owner rollout state,
 * node conditions and the analyzers' problems decide the category exactly like
 * a pasted `kubectl describe`. A user who writes "my pod will not start" and
 * names the pod gets the same answer as one who pastes its status.
 *
 * The context arrives as `unknown` (it crossed a redaction pass and may come
 * from a test double), so every field is read defensively.
 */

export interface PodFacts {
  namespace?: string;
  pod?: string;
  node?: string;
  /** Controller a human manages, e.g. `deployment/ledger`. */
  workload?: { kind: string; name: string };
  containers: { name: string; image: string }[];
  claims: string[];
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : undefined;
const arr = (v: unknown): Rec[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Rec => !!x) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

const MAX_EVENTS = 10;
const MAX_PROBLEMS = 10;
const MAX_LINE = 400;

/** One line per fact; empty when the context is missing or says the pod was not found. */
export function podEvidenceLines(context: unknown): string[] {
  const ctx = rec(context);
  if (ctx?.found !== true) return [];
  const lines: string[] = [];
  const pod = rec(ctx.pod) ?? {};
  const phase = str(pod.phase);
  if (str(pod.reason) || (phase && phase !== "Running" && phase !== "Succeeded")) {
    lines.push(join("pod status:", reasonText(str(pod.reason) ?? phase, str(pod.message))));
  }
  for (const c of arr(pod.conditions)) {
    if (c.status !== "True" && str(c.reason)) {
      lines.push(
        join(
          `pod condition ${str(c.type) ?? "?"}=${str(c.status) ?? "?"}:`,
          reasonText(str(c.reason), str(c.message)),
        ),
      );
    }
  }
  for (const c of arr(ctx.containers)) {
    const name = str(c.name) ?? "?";
    const reason = str(c.state_reason);
    if (reason && reason !== "Completed") {
      lines.push(join("pod status:", reasonText(reason, str(c.state_message)), `(container ${name})`));
    }
    const restarts = num(c.restarts) ?? 0;
    const last = rec(c.last_termination);
    if (last) {
      const exit = num(last.exit_code);
      lines.push(
        join(
          `container ${name} last terminated:`,
          str(last.reason),
          exit === undefined ? undefined : `(exit code ${exit})`,
          str(last.message),
          restarts > 0 ? `after ${restarts} restarts` : undefined,
        ),
      );
    }
  }
  for (const e of arr(ctx.events).slice(0, MAX_EVENTS)) {
    if (e.type === "Normal") continue;
    const count = num(e.count) ?? 1;
    lines.push(
      join("event:", reasonText(str(e.reason), str(e.message)), count > 1 ? `(x${count})` : undefined),
    );
  }
  const owner = rec(ctx.owner);
  if (owner) {
    const replicas = rec(owner.replicas);
    const label = `owner ${str(owner.kind) ?? "?"}/${str(owner.name) ?? "?"}`;
    if (replicas) {
      lines.push(`${label}: ${num(replicas.ready) ?? 0}/${num(replicas.desired) ?? 0} ready`);
    }
    for (const c of arr(owner.conditions)) {
      if (c.status === "True" && c.type !== "ReplicaFailure" && c.type !== "Failed") continue;
      lines.push(
        join(
          `${label} ${str(c.type) ?? "?"}=${str(c.status) ?? "?"}:`,
          reasonText(str(c.reason), str(c.message)),
        ),
      );
    }
  }
  for (const n of arr(ctx.node_conditions)) {
    // "MemoryPressure True" is the `kubectl describe node` shape the placement patterns read.
    lines.push(
      join(`node ${str(pod.node) ?? "?"}:`, `${str(n.type) ?? "?"} ${str(n.status) ?? "?"}`, str(n.message)),
    );
  }
  for (const p of arr(ctx.problems).slice(0, MAX_PROBLEMS)) {
    lines.push(
      join(
        `cluster problem ${str(p.kind) ?? "?"} ${str(p.name) ?? "?"} (${str(p.severity) ?? "?"}):`,
        reasonText(str(p.reason), str(p.message)),
      ),
    );
  }
  return [...new Set(lines.map((l) => l.slice(0, MAX_LINE)))];
}

/** Names the pod context gives us for concrete commands. */
export function podFacts(context: unknown): PodFacts | undefined {
  const ctx = rec(context);
  if (ctx?.found !== true) return undefined;
  const pod = rec(ctx.pod) ?? {};
  const owner = rec(ctx.owner);
  const kind = str(owner?.kind);
  const name = str(owner?.name);
  const workloadKinds = new Set(["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"]);
  return {
    namespace: str(pod.namespace),
    pod: str(pod.name),
    node: str(pod.node),
    workload: kind && name && workloadKinds.has(kind) ? { kind: kind.toLowerCase(), name } : undefined,
    // The failing container first: it is the one commands should name.
    containers: arr(ctx.containers)
      .filter((c) => c.init !== true || str(c.state_reason))
      .sort((a, b) => Number(!!str(b.state_reason)) - Number(!!str(a.state_reason)))
      .map((c) => ({ name: str(c.name) ?? "", image: str(c.image) ?? "" }))
      .filter((c) => c.name),
    claims: Array.isArray(pod.claims) ? pod.claims.filter((c): c is string => typeof c === "string") : [],
  };
}

/** `Reason: message`, the shape `kubectl describe` prints and the answer cites. */
function reasonText(reason: string | undefined, message: string | undefined): string | undefined {
  if (reason && message) return `${reason}: ${message}`;
  return reason ?? message;
}

function join(...parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
