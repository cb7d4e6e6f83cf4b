import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "../categories";
import { PATTERNS } from "./index";

describe("pattern library", () => {
  it("has unique ids and known categories", () => {
    const ids = PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PATTERNS) expect(CATEGORY_IDS).toContain(p.category);
  });

  it("covers every category except 'other'", () => {
    const covered = new Set(PATTERNS.map((p) => p.category));
    for (const c of CATEGORY_IDS.filter((c) => c !== "other")) expect(covered, c).toContain(c);
  });

  for (const pattern of PATTERNS) {
    describe(pattern.id, () => {
      const re = RE2JS.compile(pattern.regex);
      it("has at least one positive and one negative example", () => {
        expect(pattern.examples.positive.length).toBeGreaterThan(0);
        expect(pattern.examples.negative.length).toBeGreaterThan(0);
      });
      for (const example of pattern.examples.positive) {
        it(`matches: ${example.slice(0, 70)}`, () => expect(re.test(example)).toBe(true));
      }
      for (const example of pattern.examples.negative) {
        it(`does not match: ${example.slice(0, 70)}`, () => expect(re.test(example)).toBe(false));
      }
    });
  }
});
