import { describe, expect, it } from "vitest";
import { diagnoseRequestSchema, diagnoseResponseSchema, MAX_ERROR_MESSAGE_BYTES } from "./schema";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("diagnoseRequestSchema", () => {
  it("accepts a minimal and a full request", () => {
    expect(diagnoseRequestSchema.safeParse({ error_message: "boom" }).success).toBe(true);
    const full = {
      error_message: "OOMKilled",
      namespace: "payments",
      pod_name: "api-7d9f8b6c5-x2x9z",
      include_cluster_health: true,
      entity_ref: "component:default/api",
    };
    expect(diagnoseRequestSchema.parse(full)).toEqual(full);
  });

  it("names the failing field", () => {
    expect(paths(diagnoseRequestSchema.safeParse({}))).toEqual(["error_message"]);
    expect(paths(diagnoseRequestSchema.safeParse({ error_message: "  " }))).toEqual(["error_message"]);
    expect(paths(diagnoseRequestSchema.safeParse({ error_message: "x", namespace: "Prod_NS" }))).toEqual([
      "namespace",
    ]);
    expect(paths(diagnoseRequestSchema.safeParse({ error_message: "x", pod_name: "-bad-" }))).toEqual([
      "pod_name",
    ]);
    expect(
      paths(diagnoseRequestSchema.safeParse({ error_message: "x", include_cluster_health: "yes" })),
    ).toEqual(["include_cluster_health"]);
    expect(paths(diagnoseRequestSchema.safeParse({ error_message: "x", extra: 1 }))).toEqual([""]);
  });

  it("validates DNS-1123 lengths without regex blow-up on huge values", () => {
    expect(diagnoseRequestSchema.safeParse({ error_message: "x", namespace: "a".repeat(64) }).success).toBe(
      false,
    );
    expect(diagnoseRequestSchema.safeParse({ error_message: "x", pod_name: "a.b-c.d" }).success).toBe(true);
    const t = performance.now();
    diagnoseRequestSchema.safeParse({ error_message: "x", pod_name: `${"a".repeat(200_000)}!` });
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("limits error_message by UTF-8 bytes, not characters", () => {
    const ok = "a".repeat(MAX_ERROR_MESSAGE_BYTES);
    expect(diagnoseRequestSchema.safeParse({ error_message: ok }).success).toBe(true);
    // 'é' is two bytes: half as many characters already exceed the limit.
    const multi = "é".repeat(MAX_ERROR_MESSAGE_BYTES / 2 + 1);
    expect(paths(diagnoseRequestSchema.safeParse({ error_message: multi }))).toEqual(["error_message"]);
  });
});

describe("diagnoseResponseSchema", () => {
  it("rejects unknown categories", () => {
    const base = {
      request_id: "r",
      engine: "offline",
      severity: "low",
      category: "other",
      root_cause: "x",
      classifications: [],
      fix_commands: [],
      prevention_tips: [],
      runbooks: [],
      degraded: [],
      timings_ms: { total: 1 },
    };
    expect(diagnoseResponseSchema.safeParse(base).success).toBe(true);
    expect(diagnoseResponseSchema.safeParse({ ...base, category: "not_a_category" }).success).toBe(false);
  });
});
