import { describe, expect, it } from "vitest";
import { analyzeGrounded } from "./grounded-analysis";
import { podEvidenceLines, podFacts } from "./pod-evidence";

const context = {
  found: true,
  pod: { name: "api-7d9f8b6c5-x2x9z", namespace: "shop", phase: "Running", node: "n1", claims: ["data"] },
  containers: [
    { name: "sidecar", image: "envoy:1", state: "running", restarts: 0 },
    {
      name: "api",
      image: "ghcr.io/acme/api:2",
      state: "waiting",
      state_reason: "CrashLoopBackOff",
      state_message: "back-off 5m0s restarting failed container",
      restarts: 9,
      last_termination: { reason: "OOMKilled", exit_code: 137, message: null },
    },
  ],
  events: [
    { type: "Normal", reason: "Pulled", message: "pulled", count: 1 },
    { type: "Warning", reason: "BackOff", message: "Back-off restarting failed container api", count: 40 },
  ],
  owner: {
    kind: "Deployment",
    name: "api",
    replicas: { desired: 2, ready: 0 },
    conditions: [{ type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "no" }],
  },
  node_conditions: [{ type: "MemoryPressure", status: "True", message: "low memory" }],
  problems: [
    {
      kind: "Pod",
      name: "api-7d9f8b6c5-x2x9z",
      severity: "critical",
      reason: "CrashLoopBackOff",
      message: "x",
    },
  ],
};

describe("pod evidence", () => {
  it("states each live fact as a line", () => {
    expect(podEvidenceLines(context)).toEqual([
      "pod status: CrashLoopBackOff: back-off 5m0s restarting failed container (container api)",
      "container api last terminated: OOMKilled (exit code 137) after 9 restarts",
      "event: BackOff: Back-off restarting failed container api (x40)",
      "owner Deployment/api: 0/2 ready",
      "owner Deployment/api Available=False: MinimumReplicasUnavailable: no",
      "node n1: MemoryPressure True low memory",
      "cluster problem Pod api-7d9f8b6c5-x2x9z (critical): CrashLoopBackOff: x",
    ]);
  });

  it("ignores a missing pod and garbage", () => {
    expect(podEvidenceLines({ found: false, reason: "not-found" })).toEqual([]);
    expect(podEvidenceLines("nope")).toEqual([]);
    expect(podEvidenceLines({ found: true, containers: "x", events: [null, 3] })).toEqual([]);
  });

  it("names the failing container, the workload, node and claim for commands", () => {
    expect(podFacts(context)).toEqual({
      namespace: "shop",
      pod: "api-7d9f8b6c5-x2x9z",
      node: "n1",
      workload: { kind: "deployment", name: "api" },
      containers: [
        { name: "api", image: "ghcr.io/acme/api:2" },
        { name: "sidecar", image: "envoy:1" },
      ],
      claims: ["data"],
    });
  });

  it("lets the live cause outrank the pasted symptom, and log lines keep their numbers", () => {
    const a = analyzeGrounded("line one\nBack-off restarting failed container api in pod x_shop(1)", context);
    expect(a.category).toBe("oomkilled");
    const oom = a.classifications.find((c) => c.category === "oomkilled");
    expect(oom).toMatchObject({ source: "cluster", line: 2 });
    expect(a.classifications.find((c) => c.source === "log")).toMatchObject({ line: 2 });
    expect(a.clusterEvidence[oom!.line - 1]).toContain("OOMKilled");
  });
});
