import type { AnalysisResult } from "./analyzer";
import type { Category, Severity } from "./categories";
import type { CommandTarget, FixCommand } from "./commands";

/** A runbook retrieval hit as produced by lib/runbooks search. */
export interface RunbookHit {
  id: string;
  title: string;
  url: string;
  score: number;
  excerpt?: string;
}

/** Which engine wrote a diagnosis: Gemini, a local OpenAI-compatible model, or the offline patterns. */
export type DiagnosisEngine = "gemini" | "openai-compatible" | "offline";

/** The engine-produced part of a diagnosis (no request metadata). */
export interface DiagnosisCore {
  engine: DiagnosisEngine;
  severity: Severity;
  category: Category;
  root_cause: string;
  fix_commands: FixCommand[];
  prevention_tips: string[];
}

export interface EngineInput {
  analysis: AnalysisResult;
  runbooks: RunbookHit[];
  namespace?: string;
  podName?: string;
  /** Names found in the request, the log and the live pod, for concrete commands. */
  target?: CommandTarget;
}
