import type { V2HorizontalPodAutoscaler } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { problem } from "./util";

export function isHpaAtMax(hpa: V2HorizontalPodAutoscaler): boolean {
  const max = hpa.spec?.maxReplicas;
  const current = hpa.status?.currentReplicas ?? 0;
  const desired = hpa.status?.desiredReplicas ?? 0;
  return max !== undefined && current >= max && desired >= max;
}

// ScalingLimited=True on its own is not reported: it is also set when the HPA
// is merely clamped at minReplicas, which is healthy.
export function analyzeHpas(hpas: V2HorizontalPodAutoscaler[]): Problem[] {
  const out: Problem[] = [];
  for (const hpa of hpas) {
    const ns = hpa.metadata?.namespace;
    const name = hpa.metadata?.name;
    const conditions = hpa.status?.conditions ?? [];
    if (isHpaAtMax(hpa)) {
      out.push(
        problem(
          "HorizontalPodAutoscaler",
          ns,
          name,
          "medium",
          "AtMaxReplicas",
          `Running at its maximum of ${hpa.spec.maxReplicas} replicas (desired ${hpa.status?.desiredReplicas}).`,
          "Load exceeds what the HPA may scale to; raise maxReplicas, optimise the workload or check the metric target.",
        ),
      );
    }
    for (const type of ["AbleToScale", "ScalingActive"]) {
      const c = conditions.find((x) => x.type === type);
      if (c?.status === "False") {
        out.push(
          problem(
            "HorizontalPodAutoscaler",
            ns,
            name,
            "medium",
            c.reason ?? `${type}False`,
            c.message ?? `${type} is False`,
            "Check that the scale target exists and that metrics (metrics-server / custom metrics) are available.",
          ),
        );
      }
    }
  }
  return out;
}
