import { describe, expect, it } from "vitest";
import { openCheckpoint, sealCheckpoint } from "./sealed-checkpoint";

describe("checkpoint sealing", () => {
  it("round-trips with the key and never shows the value when sealed", () => {
    const value = { token: "ghp_checkpointsecret", n: 1 };
    const sealed = sealCheckpoint(value, "k".repeat(20));
    expect(JSON.stringify(sealed)).not.toContain("ghp_checkpointsecret");
    expect(openCheckpoint(sealed, "k".repeat(20))).toEqual({ ok: true, value });
  });

  it("is plain JSON without a key, and unreadable (re-run) under the wrong key or none", () => {
    expect(sealCheckpoint({ a: 1 }, undefined)).toEqual({ a: 1 });
    expect(openCheckpoint({ a: 1 }, undefined)).toEqual({ ok: true, value: { a: 1 } });
    const sealed = sealCheckpoint("x", "k".repeat(20));
    expect(openCheckpoint(sealed, "other-key-123456789").ok).toBe(false);
    expect(openCheckpoint(sealed, undefined).ok).toBe(false);
  });
});
