import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { KubeEvent } from "../types";
import { analyzePods } from "./pods";

const now = new Date("2026-03-02T10:00:00Z");
const container = (over: Partial<V1ContainerStatus>): V1ContainerStatus => ({
  name: "app",
  image: "app:1",
  imageID: "",
  ready: false,
  restartCount: 0,
  ...over,
});
const mkPod = (status: V1Pod["status"], extra: Partial<V1Pod> = {}): V1Pod => ({
  metadata: { name: "p1", namespace: "ns" },
  spec: { containers: [{ name: "app" }] },
  status,
  ...extra,
});
const running = container({ ready: true, state: { running: { startedAt: now } } });

describe("analyzePods", () => {
  it.each([
    ["CrashLoopBackOff", "critical"],
    ["ImagePullBackOff", "high"],
    ["ErrImagePull", "high"],
    ["CreateContainerConfigError", "high"],
    ["InvalidImageName", "high"],
    ["RunContainerError", "high"],
  ])("reports waiting reason %s as %s", (reason, severity) => {
    const [p] = analyzePods(
      [mkPod({ phase: "Running", containerStatuses: [container({ state: { waiting: { reason } } })] })],
      { now },
    );
    expect(p).toMatchObject({ kind: "Pod", namespace: "ns", name: "p1", reason, severity });
  });

  it("ignores benign waiting reasons such as ContainerCreating", () => {
    const pod = mkPod({
      phase: "Pending",
      containerStatuses: [container({ state: { waiting: { reason: "ContainerCreating" } } })],
    });
    expect(analyzePods([pod], { now })).toEqual([]);
  });

  it("includes the last termination in a crash loop and points OOM loops at memory", () => {
    const cs = container({
      restartCount: 5,
      state: { waiting: { reason: "CrashLoopBackOff" } },
      lastState: { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt: now } },
    });
    const [p] = analyzePods([mkPod({ phase: "Running", containerStatuses: [cs] })], { now });
    expect(p.message).toContain("OOMKilled (exit code 137)");
    expect(p.hint).toMatch(/memory/);
  });

  it("reports a recent OOMKilled termination, not an old one", () => {
    const oom = (finishedAt: Date) =>
      mkPod({
        phase: "Running",
        containerStatuses: [
          container({
            ...running,
            restartCount: 1,
            lastState: { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt } },
          }),
        ],
      });
    expect(analyzePods([oom(new Date("2026-03-02T09:50:00Z"))], { now })[0]).toMatchObject({
      reason: "OOMKilled",
      severity: "high",
    });
    expect(analyzePods([oom(new Date("2026-02-20T09:50:00Z"))], { now })).toEqual([]);
  });

  it("reports other non-zero terminations but not exit code 0", () => {
    const term = (exitCode: number) =>
      mkPod({
        phase: "Running",
        containerStatuses: [
          container({ state: { terminated: { exitCode, reason: exitCode ? "Error" : "Completed" } } }),
        ],
      });
    expect(analyzePods([term(2)], { now })[0]).toMatchObject({ reason: "NonZeroExit" });
    expect(analyzePods([term(0)], { now })).toEqual([]);
  });

  it("reports unschedulable pods", () => {
    const pod = mkPod({
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes" }],
    });
    expect(analyzePods([pod], { now })[0]).toMatchObject({ reason: "Unschedulable", message: "0/3 nodes" });
  });

  it("reports evictions", () => {
    const pod = mkPod({ phase: "Failed", reason: "Evicted", message: "low on memory" });
    expect(analyzePods([pod], { now })).toEqual([
      expect.objectContaining({ reason: "Evicted", message: "low on memory" }),
    ]);
  });

  it("does not report Succeeded pods (completed Jobs) nor failed Job pods (reported via the Job)", () => {
    const done = mkPod({
      phase: "Succeeded",
      containerStatuses: [container({ state: { terminated: { exitCode: 0 } } })],
    });
    const failedJobPod = mkPod(
      {
        phase: "Failed",
        containerStatuses: [container({ state: { terminated: { exitCode: 1, reason: "Error" } } })],
      },
      {
        metadata: {
          name: "j-1",
          namespace: "ns",
          ownerReferences: [{ kind: "Job", name: "j", apiVersion: "batch/v1", uid: "u" }],
        },
      },
    );
    expect(analyzePods([done, failedJobPod], { now })).toEqual([]);
  });

  it("reports failing probes from recent Unhealthy events, liveness as high", () => {
    const ev = (message: string, last: Date): KubeEvent => ({
      type: "Warning",
      reason: "Unhealthy",
      message,
      count: 3,
      lastTimestamp: last,
      involvedObject: { kind: "Pod", name: "p1", namespace: "ns" },
    });
    const pod = mkPod({ phase: "Running", containerStatuses: [running] });
    const recent = new Date("2026-03-02T09:55:00Z");
    expect(analyzePods([pod], { now, events: [ev("Readiness probe failed: 503", recent)] })[0]).toMatchObject(
      { reason: "Unhealthy", severity: "medium" },
    );
    expect(
      analyzePods([pod], { now, events: [ev("Liveness probe failed: timeout", recent)] })[0].severity,
    ).toBe("high");
    expect(
      analyzePods([pod], { now, events: [ev("Readiness probe failed", new Date("2026-02-01T00:00:00Z"))] }),
    ).toEqual([]);
  });

  it("is quiet for a healthy running pod", () => {
    expect(analyzePods([mkPod({ phase: "Running", containerStatuses: [running] })], { now })).toEqual([]);
  });
});
