import type { V1ResourceQuota } from "@kubernetes/client-node";
import { quantityRatio } from "../quantity";
import type { Problem } from "../types";
import { problem } from "./util";

export const QUOTA_NEAR_LIMIT = 0.9;

export interface QuotaUsage {
  resource: string;
  used: string;
  hard: string;
  ratio: number;
}

export function quotaUsages(quota: V1ResourceQuota): QuotaUsage[] {
  const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
  const used = quota.status?.used ?? {};
  return Object.entries(hard).flatMap(([resource, h]) => {
    const ratio = quantityRatio(used[resource], h);
    return ratio === null ? [] : [{ resource, used: used[resource] ?? "0", hard: h, ratio }];
  });
}

export function isQuotaNearLimit(quota: V1ResourceQuota): boolean {
  return quotaUsages(quota).some((u) => u.ratio >= QUOTA_NEAR_LIMIT);
}

export function analyzeQuotas(quotas: V1ResourceQuota[]): Problem[] {
  const out: Problem[] = [];
  for (const q of quotas) {
    for (const u of quotaUsages(q)) {
      if (u.ratio < QUOTA_NEAR_LIMIT) continue;
      const full = u.ratio >= 1;
      out.push(
        problem(
          "ResourceQuota",
          q.metadata?.namespace,
          q.metadata?.name,
          full ? "high" : "medium",
          full ? "QuotaExceeded" : "QuotaNearLimit",
          `${u.resource}: ${u.used} of ${u.hard} used (${Math.round(u.ratio * 100)}%).`,
          full
            ? "New pods or objects counting against this quota will be rejected; raise the quota or free resources."
            : "Raise the quota or right-size requests before new pods start being rejected.",
        ),
      );
    }
  }
  return out;
}
