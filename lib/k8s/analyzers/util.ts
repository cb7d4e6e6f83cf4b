import type { KubeEvent, Problem, Severity } from "../types";

export function problem(
  kind: string,
  namespace: string | null | undefined,
  name: string | undefined,
  severity: Severity,
  reason: string,
  message: string,
  hint: string,
): Problem {
  return { kind, namespace: namespace ?? null, name: name ?? "", severity, reason, message, hint };
}

/** Events keep either lastTimestamp (core/v1 writers) or eventTime (events.k8s.io writers). */
export function eventTime(e: KubeEvent): Date | null {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  if (!t) return null;
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function isRecent(t: Date | string | undefined | null, now: Date, windowMs: number): boolean {
  if (!t) return true;
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime())) return true;
  return now.getTime() - d.getTime() <= windowMs;
}

export function eventsFor(events: KubeEvent[], kind: string, namespace: string | undefined, name: string) {
  return events.filter(
    (e) =>
      e.involvedObject.kind === kind &&
      e.involvedObject.name === name &&
      (namespace === undefined || e.involvedObject.namespace === namespace),
  );
}

export const key = (namespace: string | undefined | null, name: string | undefined) =>
  `${namespace ?? ""}/${name ?? ""}`;
