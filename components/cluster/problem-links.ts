import type { Problem } from "@/lib/k8s/types";

/** Diagnose page pre-filled with the finding; `pod` only for pods so the page can fetch the pod context. */
export function diagnoseHref(p: Problem): string {
  const q = new URLSearchParams({ error: `${p.reason}: ${p.message}` });
  if (p.namespace) q.set("namespace", p.namespace);
  if (p.kind === "Pod") q.set("pod", p.name);
  return `/diagnose?${q.toString()}`;
}

export function runbooksHref(p: Problem): string {
  return `/runbooks?${new URLSearchParams({ q: p.reason }).toString()}`;
}
