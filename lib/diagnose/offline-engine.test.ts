import { describe, expect, it } from "vitest";
import { analyzeLog } from "./analyzer";
import { offlineDiagnosis } from "./offline-engine";

const log = [
  "checkout-6f7c9d8b5-2kq8w   0/1   CrashLoopBackOff   5   4m",
  "      Reason:       OOMKilled",
  "      Exit Code:    137",
].join("\n");

describe("offlineDiagnosis", () => {
  it("explains the root cause with evidence, commands and tips", () => {
    const d = offlineDiagnosis({
      analysis: analyzeLog(log),
      // Retrieval order, not score, decides: the root cause's runbook comes first
      // (runbookHints) even when a keyword hit for a symptom scores higher.
      runbooks: [
        {
          id: "rb-1",
          title: "OOMKilled pods",
          url: "/runbooks/oom",
          score: 0.4,
          excerpt: "Raise the limit. Then profile.",
        },
        { id: "rb-2", title: "Generic crash loop", url: "/runbooks/crash", score: 0.9 },
      ],
      namespace: "shop",
      podName: "checkout-6f7c9d8b5-2kq8w",
    });
    expect(d.engine).toBe("offline");
    expect(d.category).toBe("oomkilled");
    expect(d.severity).toBe("critical");
    expect(d.root_cause).toContain("memory limit");
    expect(d.root_cause).toContain("line 2");
    expect(d.root_cause).toContain("crashloopbackoff");
    expect(d.root_cause).toContain('See the runbook "OOMKilled pods" (/runbooks/oom).');
    // Runbook text is named, not quoted: its examples are not the user's evidence.
    expect(d.root_cause).not.toContain("Raise the limit.");
    expect(d.root_cause).not.toContain("Then profile");
    expect(d.fix_commands.some((c) => c.command.includes("deployment/checkout -n shop"))).toBe(true);
    expect(d.prevention_tips.length).toBeGreaterThan(0);
  });

  it("is deterministic and works without runbooks or a match", () => {
    const a = offlineDiagnosis({ analysis: analyzeLog("all good"), runbooks: [] });
    const b = offlineDiagnosis({ analysis: analyzeLog("all good"), runbooks: [] });
    expect(a).toEqual(b);
    expect(a.category).toBe("other");
    expect(a.root_cause).toContain("No known failure pattern matched");
    expect(a.fix_commands[0].command).toContain('"$POD"');
  });
});
