import type { V1PersistentVolumeClaim } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzePvcs } from "./pvcs";

const pvc = (phase: string): V1PersistentVolumeClaim => ({
  metadata: { name: "data", namespace: "ns" },
  spec: { storageClassName: "fast-ssd" },
  status: { phase },
});

describe("analyzePvcs", () => {
  it("is quiet for bound claims", () => {
    expect(analyzePvcs([pvc("Bound")])).toEqual([]);
  });
  it("reports pending claims, with the provisioning event when there is one", () => {
    expect(analyzePvcs([pvc("Pending")])[0]).toMatchObject({ reason: "Pending", severity: "medium" });
    const ev = {
      type: "Warning",
      reason: "ProvisioningFailed",
      message: 'storageclass "fast-ssd" not found',
      involvedObject: { kind: "PersistentVolumeClaim", name: "data", namespace: "ns" },
    };
    expect(analyzePvcs([pvc("Pending")], [ev])[0]).toMatchObject({
      reason: "ProvisioningFailed",
      message: ev.message,
    });
  });
  it("reports lost claims as high", () => {
    expect(analyzePvcs([pvc("Lost")])[0]).toMatchObject({ reason: "Lost", severity: "high" });
  });
});
