import type { V1ResourceQuota } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeQuotas, isQuotaNearLimit } from "./quotas";

const q = (hard: Record<string, string>, used: Record<string, string>): V1ResourceQuota => ({
  metadata: { name: "compute", namespace: "ns" },
  status: { hard, used },
});

describe("analyzeQuotas", () => {
  it("reports usage at or above 90% with mixed units", () => {
    const quota = q(
      { "requests.cpu": "2", "requests.memory": "2Gi" },
      { "requests.cpu": "1800m", "requests.memory": "1Gi" },
    );
    expect(isQuotaNearLimit(quota)).toBe(true);
    expect(analyzeQuotas([quota])).toEqual([
      expect.objectContaining({
        reason: "QuotaNearLimit",
        severity: "medium",
        message: expect.stringContaining("requests.cpu: 1800m of 2"),
      }),
    ]);
  });
  it("reports exhausted quotas as high", () => {
    expect(analyzeQuotas([q({ pods: "10" }, { pods: "10" })])[0]).toMatchObject({
      reason: "QuotaExceeded",
      severity: "high",
    });
  });
  it("is quiet below 90%, and with zero or unparseable hard limits", () => {
    const quota = q(
      { "requests.memory": "4Gi", "count/jobs": "0", weird: "lots" },
      { "requests.memory": "3500Mi", "count/jobs": "0" },
    );
    expect(isQuotaNearLimit(quota)).toBe(false);
    expect(analyzeQuotas([quota])).toEqual([]);
  });
});
