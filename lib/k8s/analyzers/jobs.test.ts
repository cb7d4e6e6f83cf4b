import type { V1CronJob, V1Job } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeJobs } from "./jobs";

const job = (name: string, outcome: "Complete" | "Failed", created: string, cronJob?: string): V1Job => ({
  metadata: {
    name,
    namespace: "ns",
    creationTimestamp: new Date(created),
    ownerReferences: cronJob
      ? [{ kind: "CronJob", name: cronJob, apiVersion: "batch/v1", uid: "u" }]
      : undefined,
  },
  status: {
    conditions: [
      { type: outcome, status: "True", reason: outcome === "Failed" ? "BackoffLimitExceeded" : undefined },
    ],
  },
});
const cron = (name: string, suspend = false): V1CronJob => ({
  metadata: { name, namespace: "ns" },
  spec: { schedule: "* * * * *", suspend, jobTemplate: {} },
});

describe("analyzeJobs", () => {
  it("reports failed standalone jobs and ignores complete ones", () => {
    const problems = analyzeJobs([
      job("a", "Failed", "2026-03-02T00:00:00Z"),
      job("b", "Complete", "2026-03-02T00:00:00Z"),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ kind: "Job", name: "a", reason: "BackoffLimitExceeded" }),
    ]);
  });
  it("reports a CronJob whose latest run failed", () => {
    const jobs = [
      job("c-1", "Complete", "2026-03-01T00:00:00Z", "c"),
      job("c-2", "Failed", "2026-03-02T00:00:00Z", "c"),
    ];
    expect(analyzeJobs(jobs, [cron("c")])).toEqual([expect.objectContaining({ kind: "CronJob", name: "c" })]);
  });
  it("ignores old failed runs once a newer run succeeded, and suspended CronJobs", () => {
    const recovered = [
      job("c-1", "Failed", "2026-03-01T00:00:00Z", "c"),
      job("c-2", "Complete", "2026-03-02T00:00:00Z", "c"),
    ];
    expect(analyzeJobs(recovered, [cron("c")])).toEqual([]);
    expect(analyzeJobs([job("s-1", "Failed", "2026-03-02T00:00:00Z", "s")], [cron("s", true)])).toEqual([]);
  });
});
