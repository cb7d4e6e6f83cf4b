import type { V1Deployment } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeDeployments } from "./deployments";

const dep = (
  replicas: number,
  available: number,
  progressing?: { status: string; reason: string },
): V1Deployment => ({
  metadata: { name: "d", namespace: "ns" },
  spec: { replicas, selector: {}, template: {} },
  status: {
    availableReplicas: available,
    conditions: progressing ? [{ type: "Progressing", ...progressing }] : [],
  },
});

describe("analyzeDeployments", () => {
  it("is quiet when all replicas are available or the deployment is scaled to zero", () => {
    expect(analyzeDeployments([dep(3, 3), dep(0, 0)])).toEqual([]);
  });
  it("reports missing replicas, high when none are available", () => {
    expect(analyzeDeployments([dep(3, 1)])[0]).toMatchObject({
      reason: "ReplicasUnavailable",
      severity: "medium",
    });
    expect(analyzeDeployments([dep(2, 0)])[0].severity).toBe("high");
  });
  it("reports an exceeded progress deadline instead of the replica count", () => {
    const problems = analyzeDeployments([dep(2, 0, { status: "False", reason: "ProgressDeadlineExceeded" })]);
    expect(problems).toEqual([expect.objectContaining({ reason: "ProgressDeadlineExceeded" })]);
  });
});
