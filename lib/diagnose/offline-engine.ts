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
    parts.push(`Evidence (line ${primary.line}): ${primary.excerpt}`);
    const symptoms = analysis.categories.filter((c) => c !== category && c !== "other");
    if (symptoms.length > 0) {
      parts.push(`Also observed, treated as consequences or secondary signals: ${symptoms.join(", ")}.`);
    }
  } else {
    parts.push(
      "No known failure pattern matched. Check the full pod description, recent events and the logs of the previous container instance.",
    );
  }
  const best = [...runbooks].sort((a, b) => b.score - a.score)[0];
  if (best) {
    const excerpt = best.excerpt ? ` ${firstSentence(best.excerpt)}` : "";
    parts.push(`Runbook: "${best.title}" (${best.url}).${excerpt}`);
  }
  return {
    engine: "offline",
    severity: analysis.severity,
    category,
    root_cause: parts.join("\n"),
    fix_commands: fixCommandsFor(category, { namespace: input.namespace, podName: input.podName }),
    prevention_tips: [...PREVENTION_TIPS[category]],
  };
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  return sentence.length > 300 ? `${sentence.slice(0, 297)}...` : sentence;
}
