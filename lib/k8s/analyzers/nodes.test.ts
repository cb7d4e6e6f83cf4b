import type { V1Node, V1NodeCondition } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeNodes } from "./nodes";

const node = (conditions: V1NodeCondition[], unschedulable = false): V1Node => ({
  metadata: { name: "n1" },
  spec: { unschedulable },
  status: { conditions },
});
const healthy: V1NodeCondition[] = [
  { type: "Ready", status: "True" },
  { type: "MemoryPressure", status: "False" },
  { type: "DiskPressure", status: "False" },
  { type: "PIDPressure", status: "False" },
  { type: "NetworkUnavailable", status: "False" },
];

describe("analyzeNodes", () => {
  it("treats False pressure conditions as healthy (K8sGPT false positive)", () => {
    expect(analyzeNodes([node(healthy)])).toEqual([]);
  });

  it("reports NotReady and Unknown as critical", () => {
    const notReady = healthy.map((c) =>
      c.type === "Ready" ? { ...c, status: "False", message: "cni not ready" } : c,
    );
    const unknown = healthy.map((c) => (c.type === "Ready" ? { ...c, status: "Unknown" } : c));
    expect(analyzeNodes([node(notReady)])[0]).toMatchObject({
      severity: "critical",
      reason: "NotReady",
      namespace: null,
    });
    expect(analyzeNodes([node(unknown)])[0].reason).toBe("NodeStatusUnknown");
  });

  it.each(["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"])(
    "reports %s=True",
    (type) => {
      const conds = healthy.map((c) => (c.type === type ? { ...c, status: "True" } : c));
      expect(analyzeNodes([node(conds)])).toEqual([
        expect.objectContaining({ reason: type, severity: "high" }),
      ]);
    },
  );

  it("reports cordoned nodes as low", () => {
    expect(analyzeNodes([node(healthy, true)])).toEqual([
      expect.objectContaining({ reason: "Cordoned", severity: "low" }),
    ]);
  });
});
