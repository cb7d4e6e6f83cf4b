import { describe, expect, it } from "vitest";
import { formatAge } from "./age";

describe("formatAge", () => {
  const now = Date.parse("2026-03-02T10:00:00Z");
  it("uses the largest whole unit like kubectl", () => {
    expect(formatAge("2026-03-02T09:59:15Z", now)).toBe("45s");
    expect(formatAge("2026-03-02T09:48:00Z", now)).toBe("12m");
    expect(formatAge("2026-03-02T07:00:00Z", now)).toBe("3h");
    expect(formatAge("2026-02-25T10:00:00Z", now)).toBe("5d");
  });
  it("shows a dash for unknown and clamps clock skew to zero", () => {
    expect(formatAge(null, now)).toBe("—");
    expect(formatAge("2026-03-02T10:00:30Z", now)).toBe("0s");
  });
});
