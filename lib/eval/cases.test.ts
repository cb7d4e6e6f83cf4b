import { describe, expect, it } from "vitest";
import { labelOf, parseCases, selectSplit } from "./cases";

const jsonl = [
  JSON.stringify({ id: "a", log: "x", collector_label: "oomkilled" }),
  "",
  JSON.stringify({ id: "b", log: "y", collector_label: "other", label: "dns_resolution" }),
].join("\n");

describe("eval cases", () => {
  it("prefers the adjudicated label over the collector's", () => {
    const cases = parseCases(jsonl);
    expect(cases.map(labelOf)).toEqual(["oomkilled", "dns_resolution"]);
  });

  it("rejects bad lines with their line number, and duplicate ids", () => {
    expect(() => parseCases(`${jsonl}\n{nope`)).toThrow(/line 4/);
    expect(() => parseCases(JSON.stringify({ id: "a", log: "x" }))).toThrow(/label/);
    expect(() => parseCases(`${jsonl}\n${JSON.stringify({ id: "a", log: "z", label: "x" })}`)).toThrow(
      /duplicate/,
    );
  });

  it("selects a split in its order and refuses unknown ids", () => {
    const cases = parseCases(jsonl);
    expect(selectSplit(cases, { test: ["b"], train: ["a"] }, "test").map((c) => c.id)).toEqual(["b"]);
    expect(selectSplit(cases, { test: ["b"], train: ["a"] }, "all")).toHaveLength(2);
    expect(() => selectSplit(cases, { test: ["zz"], train: [] }, "test")).toThrow(/zz/);
  });
});
