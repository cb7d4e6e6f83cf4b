import { type AnalysisResult, analyzeLog, type Classification } from "./analyzer";
import { podEvidenceLines } from "./pod-evidence";

export interface GroundedClassification extends Classification {
  /** `log`: a line of error_message; `cluster`: a fact read from the live pod (line = its index). */
  source: "log" | "cluster";
}

export interface GroundedAnalysis extends Omit<AnalysisResult, "classifications"> {
  classifications: GroundedClassification[];
  /** The live facts considered, in order (cluster classifications index into this, 1-based). */
  clusterEvidence: string[];
}

/**
 * Classifies the pasted log and the live pod facts as one input, so a pod
 * status line weighs exactly as a pasted one in the precedence model (rank,
 * severity, then first occurrence: on a tie the user's own log wins).
 */
export function analyzeGrounded(redactedLog: string, podContext?: unknown): GroundedAnalysis {
  const clusterEvidence = podContext === undefined ? [] : podEvidenceLines(podContext);
  if (clusterEvidence.length === 0) {
    const a = analyzeLog(redactedLog);
    return {
      ...a,
      classifications: a.classifications.map((c) => ({ ...c, source: "log" as const })),
      clusterEvidence,
    };
  }
  // Segments count physical lines split on \n, so the appended facts start right after the log's last line.
  let logLines = 1;
  for (let i = redactedLog.indexOf("\n"); i >= 0; i = redactedLog.indexOf("\n", i + 1)) logLines++;
  const a = analyzeLog(`${redactedLog}\n${clusterEvidence.join("\n")}`);
  return {
    ...a,
    stats: { ...a.stats, lines: Math.min(a.stats.lines, logLines) },
    classifications: a.classifications.map((c) =>
      c.line > logLines
        ? { ...c, source: "cluster" as const, line: c.line - logLines }
        : { ...c, source: "log" as const },
    ),
    clusterEvidence,
  };
}
