import type { AnalysisResult } from "@/lib/diagnose/analyzer";
import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import type { LogPattern } from "@/lib/diagnose/patterns";
import type { DiagnosisOutput, RunbookLink, SuggestedCommand } from "../types";

// Verbs that change cluster or data state; everything else the card offers is read-only inspection.
const DESTRUCTIVE =
  /\b(?:kubectl\s+(?:delete|drain|cordon|scale|rollout\s+(?:restart|undo)|apply|patch|replace|edit|set|label|annotate|taint)|helm\s+(?:uninstall|delete|rollback|upgrade)|terraform\s+(?:apply|destroy|force-unlock|state\s+rm|import)|docker\s+(?:rm|rmi|system\s+prune)|rm\s+-|drop\s+(?:table|database))\b/i;

export function isDestructiveCommand(command: string): boolean {
  return DESTRUCTIVE.test(command);
}

export function toSuggestedCommand(command: string, description = ""): SuggestedCommand {
  return { command, description, destructive: isDestructiveCommand(command) };
}

/**
 * Builds the diagnosis card from the pattern analyzer's result: the category
 * title, the matched pattern's explanation, evidence lines and runbooks.
 */
export function toDiagnosisOutput(
  analysis: AnalysisResult,
  patterns: readonly LogPattern[],
  runbooks: RunbookLink[],
  commands: SuggestedCommand[] = [],
): DiagnosisOutput {
  const top = analysis.classifications[0];
  const pattern = top ? patterns.find((p) => p.id === top.pattern_id) : undefined;
  return {
    category: analysis.category,
    title: CATEGORY_TITLES[analysis.category],
    severity: analysis.severity,
    summary:
      pattern?.explanation ??
      (analysis.category === "other"
        ? "No known failure pattern matched; check the first error line and the surrounding context."
        : CATEGORY_TITLES[analysis.category]),
    evidence: analysis.classifications.slice(0, 5).map((c) => ({ line: c.line, excerpt: c.excerpt })),
    commands,
    runbooks,
    redactions: 0,
  };
}
