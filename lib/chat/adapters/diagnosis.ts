import type { AnalysisResult } from "@/lib/diagnose/analyzer";
import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import type { DiagnosisCore } from "@/lib/diagnose/types";
import type { DiagnosisOutput, RunbookLink } from "../types";

/** The diagnosis card: the diagnose engine's verdict plus the analyzer's evidence lines. */
export function toDiagnosisOutput(
  core: DiagnosisCore,
  analysis: AnalysisResult,
  runbooks: RunbookLink[],
): DiagnosisOutput {
  return {
    category: core.category,
    title: CATEGORY_TITLES[core.category],
    severity: core.severity,
    summary: core.root_cause,
    evidence: analysis.classifications.slice(0, 5).map((c) => ({ line: c.line, excerpt: c.excerpt })),
    commands: core.fix_commands.map((c) => ({
      command: c.command,
      description: c.description,
      destructive: c.destructive,
    })),
    runbooks,
    redactions: 0,
  };
}
