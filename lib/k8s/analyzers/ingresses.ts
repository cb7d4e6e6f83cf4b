import type { V1Ingress, V1Service } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { key, problem } from "./util";

function backendServices(ing: V1Ingress): string[] {
  const names = new Set<string>();
  const def = ing.spec?.defaultBackend?.service?.name;
  if (def) names.add(def);
  for (const rule of ing.spec?.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      if (p.backend.service?.name) names.add(p.backend.service.name);
    }
  }
  return [...names];
}

const hasResourceBackend = (ing: V1Ingress) =>
  Boolean(ing.spec?.defaultBackend?.resource) ||
  (ing.spec?.rules ?? []).some((r) => r.http?.paths.some((p) => p.backend.resource));

export function analyzeIngresses(ingresses: V1Ingress[], services: V1Service[]): Problem[] {
  const existing = new Set(services.map((s) => key(s.metadata?.namespace, s.metadata?.name)));
  const out: Problem[] = [];
  for (const ing of ingresses) {
    const ns = ing.metadata?.namespace;
    const name = ing.metadata?.name;
    const backends = backendServices(ing);
    if (backends.length === 0 && !hasResourceBackend(ing)) {
      out.push(
        problem(
          "Ingress",
          ns,
          name,
          "medium",
          "NoBackends",
          "Ingress defines no backend service.",
          "Add rules with a backend service or a defaultBackend.",
        ),
      );
      continue;
    }
    for (const svc of backends) {
      if (existing.has(key(ns, svc))) continue;
      out.push(
        problem(
          "Ingress",
          ns,
          name,
          "high",
          "BackendServiceMissing",
          `Backend service ${svc} does not exist in namespace ${ns}.`,
          "Create the service or fix the backend service name in the ingress rules.",
        ),
      );
    }
  }
  return out;
}
