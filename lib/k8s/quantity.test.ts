import { describe, expect, it } from "vitest";
import { parseQuantity, quantityRatio } from "./quantity";

describe("parseQuantity", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["1.5", 1.5],
    ["2Gi", 2 * 1024 ** 3],
    ["512Mi", 512 * 1024 ** 2],
    ["128Ki", 128 * 1024],
    ["1G", 1e9],
    ["100k", 1e5],
    ["1e3", 1000],
    ["250u", 0.00025],
    ["10n", 1e-8],
    [".5", 0.5],
  ])("parses %s", (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 12);
  });

  it("rejects garbage", () => {
    expect(parseQuantity("2GB")).toBeNull();
    expect(parseQuantity("abc")).toBeNull();
    expect(parseQuantity("")).toBeNull();
    expect(parseQuantity(undefined)).toBeNull();
  });

  it("accepts numbers", () => {
    expect(parseQuantity(3)).toBe(3);
  });
});

describe("quantityRatio", () => {
  it("compares mixed units", () => {
    expect(quantityRatio("1800m", "2")).toBeCloseTo(0.9);
    expect(quantityRatio("1Gi", "2Gi")).toBeCloseTo(0.5);
    expect(quantityRatio("1536Mi", "2Gi")).toBeCloseTo(0.75);
  });
  it("treats missing used as zero and zero hard as unknown", () => {
    expect(quantityRatio(undefined, "4")).toBe(0);
    expect(quantityRatio("1", "0")).toBeNull();
  });
});
