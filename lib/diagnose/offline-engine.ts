import type { Classification } from "./analyzer";
import { CATEGORY_TITLES } from "./categories";
import { fixCommandsFor } from "./commands";
import { PATTERNS } from "./patterns";
import { PREVENTION_TIPS } from "./prevention";
import type { DiagnosisCore, EngineInput } from "./types";

const explanations = new Map(PATTERNS.map((p) => [p.id, p.explanation]));

/**
 * Deterministic diagnosis from the analyzer's classification and the best
 * runbook. This is a first-class engine (no model configured, or the model
 * failed), so its text must stand on its own.
 */
export function offlineDiagnosis(input: EngineInput): DiagnosisCore {
  const { analysis, runbooks } = input;
  const category = analysis.category;
  const primary = analysis.classifications.find((c) => c.category === category);
  const parts: string[] = [];
  if (primary) {
    parts.push(`${CATEGORY_TITLES[category]}. ${explanations.get(primary.pattern_id) ?? ""}`.trim());
    parts.push(evidenceLine(primary));
    // Live facts that back the same cause are cited too: they are what the user did not paste.
    const live = analysis.classifications.filter(
      (c) => c !== primary && sourceOf(c) === "cluster" && c.category === category,
    );
    for (const c of live.slice(0, 2)) parts.push(evidenceLine(c));
    if (category === "terraform_state_lock" && input.target?.lockId) {
      parts.push(`Lock ID stated in your log: ${input.target.lockId}.`);
    }
    const symptoms = analysis.categories.filter((c) => c !== category && c !== "other");
    if (symptoms.length > 0) {
      parts.push(`Also observed, treated as consequences or secondary signals: ${symptoms.join(", ")}.`);
    }
  } else {
    parts.push(
      "No known failure pattern matched. Check the full pod description, recent events and the logs of the previous container instance.",
    );
  }
  // The runbook is named, never quoted: its examples (lock IDs, bucket names,
  // pod names) read like evidence from the user's system when pasted here.
  // Retrieval already put the root cause's runbook first (runbookHints), ahead
  // of any keyword hit that happens to score higher.
  const best = runbooks[0];
  if (best) parts.push(`See the runbook "${best.title}" (${best.url}).`);
  return {
    engine: "offline",
    severity: analysis.severity,
    category,
    root_cause: parts.join("\n"),
    fix_commands: fixCommandsFor(
      category,
      input.target ?? { namespace: input.namespace, podName: input.podName },
    ),
    prevention_tips: [...PREVENTION_TIPS[category]],
  };
}

function sourceOf(c: Classification): "log" | "cluster" {
  return (c as { source?: "log" | "cluster" }).source ?? "log";
}

function evidenceLine(c: Classification): string {
  return sourceOf(c) === "cluster"
    ? `Evidence (live cluster state): ${c.excerpt}`
    : `Evidence (line ${c.line}): ${c.excerpt}`;
}
