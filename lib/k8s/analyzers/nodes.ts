import type { V1Node } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { problem } from "./util";

// Pressure conditions are problems only when True; False is the healthy state
// (a frequent K8sGPT false positive is reporting MemoryPressure=False).
const PRESSURE: Record<string, string> = {
  MemoryPressure:
    "Free memory on the node is low; pods may be evicted. Check for memory-hungry pods or add capacity.",
  DiskPressure: "Disk space on the node is low; clean images/logs or grow the node's disk.",
  PIDPressure: "Too many processes on the node; look for fork-heavy workloads or raise the PID limit.",
  NetworkUnavailable: "The node's network is not configured; check the CNI plugin on this node.",
};

export function analyzeNodes(nodes: V1Node[]): Problem[] {
  const out: Problem[] = [];
  for (const node of nodes) {
    const name = node.metadata?.name ?? "";
    const conditions = node.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === "Ready");
    if (ready?.status !== "True") {
      out.push(
        problem(
          "Node",
          null,
          name,
          "critical",
          ready?.status === "Unknown" ? "NodeStatusUnknown" : "NotReady",
          `Node is not Ready (${ready?.status ?? "no Ready condition"}): ${ready?.message ?? ready?.reason ?? "no details"}`,
          "Check the kubelet and container runtime on the node, and its connectivity to the control plane.",
        ),
      );
    }
    for (const c of conditions) {
      const hint = PRESSURE[c.type];
      if (hint && c.status === "True") {
        out.push(problem("Node", null, name, "high", c.type, c.message ?? `${c.type} is True`, hint));
      }
    }
    if (node.spec?.unschedulable) {
      out.push(
        problem(
          "Node",
          null,
          name,
          "low",
          "Cordoned",
          "Node is cordoned (unschedulable).",
          "Uncordon the node when maintenance is done (kubectl uncordon).",
        ),
      );
    }
  }
  return out;
}
