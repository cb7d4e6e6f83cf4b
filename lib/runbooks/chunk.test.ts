import { describe, expect, it } from "vitest";
import { chunkRunbook } from "./chunk";
import { parseRunbook } from "./load";

const md = `---
id: demo
title: Demo runbook
categories: [other]
tags: [k8s]
---
# Demo runbook

Intro paragraph.

## Symptoms
Pod restarts.

## Diagnosis

### Logs
\`\`\`bash
# a bash comment, not a heading
kubectl logs pod --previous
\`\`\`

### Events
kubectl get events

## Fixes
Fix it.

## Prevention
Prevent it.
`;

function demo(source = md) {
  const { runbook } = parseRunbook(source, "demo.md");
  if (!runbook) throw new Error("fixture invalid");
  return runbook;
}

describe("chunkRunbook", () => {
  it("splits by heading and keeps title + heading path in each chunk", () => {
    const chunks = chunkRunbook(demo());
    expect(chunks.map((c) => c.id)).toEqual([
      "demo#overview",
      "demo#symptoms",
      "demo#diagnosis-logs",
      "demo#diagnosis-events",
      "demo#fixes",
      "demo#prevention",
    ]);
    const logs = chunks[2];
    expect(logs.headingPath).toEqual(["Diagnosis", "Logs"]);
    expect(logs.heading).toBe("Logs");
    expect(logs.text.startsWith("Demo runbook\nDiagnosis > Logs\nTags: k8s\n\n")).toBe(true);
    expect(logs.content).toContain("# a bash comment, not a heading");
  });

  it("hashes per chunk so an edit only changes the affected chunk", () => {
    const before = chunkRunbook(demo());
    const after = chunkRunbook(demo(md.replace("Fix it.", "Fix it properly.")));
    const changed = after.filter((c, i) => c.hash !== before[i].hash).map((c) => c.id);
    expect(changed).toEqual(["demo#fixes"]);
    expect(after[0].runbookHash).not.toBe(before[0].runbookHash);
  });

  it("splits long sections at blank lines without breaking code fences", () => {
    const para = "word ".repeat(60).trim();
    const fence = "```\nline one\n\nline two\n```";
    const long = md.replace("Fix it.", [para, para, fence, para].join("\n\n"));
    const fixes = chunkRunbook(demo(long), { maxChars: 400 }).filter((c) => c.headingPath[0] === "Fixes");
    expect(fixes.length).toBeGreaterThan(1);
    expect(fixes.map((c) => c.id)).toEqual(fixes.map((_, i) => `demo#fixes-${i + 1}`));
    const withFence = fixes.find((c) => c.content.includes("line one"));
    expect(withFence?.content).toContain("line two");
  });
});
