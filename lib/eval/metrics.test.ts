import { describe, expect, it } from "vitest";
import { gateFailures, type Prediction, score } from "./metrics";

const p = (
  id: string,
  expected: string,
  predicted: string,
  retrieved: string[][] = [[expected]],
): Prediction => ({
  id,
  expected,
  predicted,
  retrieved,
  unwarnedDestructive: 0,
});

describe("score", () => {
  const report = score([
    p("1", "oomkilled", "oomkilled"),
    p("2", "oomkilled", "crashloopbackoff", [["crashloopbackoff"], ["other"], ["x"], ["oomkilled"]]),
    p("3", "dns_resolution", "dns_resolution", [["other"], ["dns_resolution", "x"]]),
    p("4", "__proto__", "oomkilled", [["other"]]),
  ]);

  it("computes accuracy, precision, recall and recall@3 (4th hit does not count)", () => {
    expect(report.accuracy).toBe(0.5);
    expect(report.recallAt3).toBe(0.5);
    const oom = report.perLabel.find((s) => s.label === "oomkilled");
    expect(oom).toMatchObject({ support: 2, predicted: 2, precision: 0.5, recall: 0.5 });
    expect(report.perLabel.find((s) => s.label === "crashloopbackoff")).toMatchObject({
      precision: 0,
      recall: null,
    });
  });

  it("lists confusions largest first and keeps hostile labels as data", () => {
    expect(report.confusions.map((c) => `${c.expected}>${c.predicted}`)).toEqual([
      "__proto__>oomkilled",
      "oomkilled>crashloopbackoff",
    ]);
    expect(Object.hasOwn(report.matrix, "__proto__")).toBe(true);
    expect(report.misses.map((m) => m.id)).toEqual(["2", "4"]);
  });

  it("gates on every target", () => {
    const targets = { accuracy: 0.9, recallAt3: 0.95, unwarnedDestructive: 0 };
    expect(gateFailures(report, targets)).toHaveLength(2);
    expect(gateFailures(score([p("a", "x", "x")]), targets)).toEqual([]);
    expect(gateFailures(score([{ ...p("a", "x", "x"), unwarnedDestructive: 1 }]), targets)).toEqual([
      "1 destructive command(s) without the warning",
    ]);
    expect(gateFailures(score([]), targets)).toContain("no cases scored");
  });
});
