import { generateObject, type LanguageModel } from "ai";
import { z } from "zod";
import { modelProviderName, OPENAI_COMPATIBLE } from "@/lib/ai/provider";
import { recordLlmUsage } from "@/lib/metrics/record";
import { CATEGORY_IDS, SEVERITIES } from "./categories";
import { isDestructiveCommand } from "./commands";
import { buildDiagnosisPrompt, type LlmPromptInput } from "./llm-prompt";
import { offlineDiagnosis } from "./offline-engine";
import { redactSecrets } from "./redact";
import type { DiagnosisCore, DiagnosisEngine } from "./types";

export const DEFAULT_LLM_TIMEOUT_MS = 15_000;

/** What the model must return; destructive flags are computed locally, never trusted from the model. */
export const llmDiagnosisSchema = z.object({
  category: z.enum(CATEGORY_IDS).describe("Root-cause category id"),
  severity: z.enum(SEVERITIES),
  root_cause: z.string().min(1).max(4000),
  fix_commands: z
    .array(z.object({ command: z.string().min(1).max(1000), description: z.string().max(1000) }))
    .max(10),
  prevention_tips: z.array(z.string().min(1).max(500)).max(10),
});

export type LlmFailureReason = "timeout" | "invalid_output" | "api_error";

export interface LlmOutcome {
  diagnosis: DiagnosisCore;
  /** ["llm"] when the model failed and the offline result is returned instead. */
  degraded: string[];
  failure?: { reason: LlmFailureReason; message: string };
}

class LlmTimeoutError extends Error {
  constructor(ms: number) {
    super(`LLM call exceeded ${ms} ms`);
  }
}

/**
 * Asks the model for a structured diagnosis. Any failure (timeout, API error,
 * malformed or schema-violating output) yields the offline diagnosis with
 * degraded ["llm"]: the endpoint never fails because the model did.
 */
export async function llmDiagnosis(
  model: LanguageModel,
  input: LlmPromptInput,
  options: { timeoutMs?: number } = {},
): Promise<LlmOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const { system, prompt } = buildDiagnosisPrompt(input);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race guards against providers that ignore the abort signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new LlmTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    const call = generateObject({
      model,
      schema: llmDiagnosisSchema,
      schemaName: "diagnosis",
      system,
      prompt,
      temperature: 0.2,
      maxRetries: 0,
      abortSignal: controller.signal,
      // Small local models often wrap the JSON in a code fence or a sentence; the
      // zod schema still decides whether what is inside is a diagnosis.
      experimental_repairText: async ({ text }) => extractJsonObject(text),
    });
    call.catch(() => undefined); // rejection after a timeout must not become unhandled
    const { object, usage } = await Promise.race([call, timeout]);
    recordLlmUsage("diagnose", usage);
    return { diagnosis: toCore(object, engineOf(model)), degraded: [] };
  } catch (error) {
    return {
      diagnosis: offlineDiagnosis(input),
      degraded: ["llm"],
      failure: { reason: classifyFailure(error), message: redactSecrets(errorMessage(error)).slice(0, 500) },
    };
  } finally {
    clearTimeout(timer);
  }
}

function engineOf(model: LanguageModel): DiagnosisEngine {
  return modelProviderName(model) === OPENAI_COMPATIBLE ? "openai-compatible" : "gemini";
}

/**
 * The outermost `{ … }` of a model answer, or null when there is none. Index
 * scans, not a regex: the text is model output of unbounded length.
 */
export function extractJsonObject(text: string): string | null {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  return start !== -1 && end > start ? text.slice(start, end + 1) : null;
}

function toCore(o: z.infer<typeof llmDiagnosisSchema>, engine: DiagnosisEngine): DiagnosisCore {
  return {
    engine,
    category: o.category,
    severity: o.severity,
    root_cause: redactSecrets(o.root_cause),
    fix_commands: o.fix_commands.map((c) => ({
      command: c.command,
      description: c.description,
      destructive: isDestructiveCommand(c.command),
    })),
    prevention_tips: o.prevention_tips,
  };
}

function classifyFailure(error: unknown): LlmFailureReason {
  if (error instanceof LlmTimeoutError) return "timeout";
  const name = error instanceof Error ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError") return "timeout";
  if (/NoObjectGenerated|TypeValidation|JSONParse/i.test(name)) return "invalid_output";
  return "api_error";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
