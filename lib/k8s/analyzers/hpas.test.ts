import type { V2HorizontalPodAutoscaler } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeHpas, isHpaAtMax } from "./hpas";

const hpa = (
  current: number,
  desired: number,
  conditions: { type: string; status: string; reason?: string }[] = [],
) =>
  ({
    metadata: { name: "h", namespace: "ns" },
    spec: { maxReplicas: 10, minReplicas: 2, scaleTargetRef: { kind: "Deployment", name: "d" } },
    status: { currentReplicas: current, desiredReplicas: desired, conditions },
  }) as V2HorizontalPodAutoscaler;

describe("analyzeHpas", () => {
  it("reports an HPA at its maximum", () => {
    const h = hpa(10, 10, [{ type: "ScalingLimited", status: "True", reason: "TooManyReplicas" }]);
    expect(isHpaAtMax(h)).toBe(true);
    expect(analyzeHpas([h])).toEqual([
      expect.objectContaining({ reason: "AtMaxReplicas", severity: "medium" }),
    ]);
  });
  it("does not report ScalingLimited alone (e.g. clamped at minReplicas)", () => {
    const h = hpa(2, 2, [{ type: "ScalingLimited", status: "True", reason: "TooFewReplicas" }]);
    expect(isHpaAtMax(h)).toBe(false);
    expect(analyzeHpas([h])).toEqual([]);
  });
  it("reports ScalingActive=False (metrics unavailable)", () => {
    const h = hpa(3, 3, [{ type: "ScalingActive", status: "False", reason: "FailedGetResourceMetric" }]);
    expect(analyzeHpas([h])[0].reason).toBe("FailedGetResourceMetric");
  });
});
