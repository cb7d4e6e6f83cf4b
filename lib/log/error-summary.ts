import { redactSecrets } from "@/lib/diagnose/redact";

export interface ErrorSummary {
  name: string;
  message: string;
  status?: number;
  code?: string;
}

const MAX_MESSAGE_CHARS = 500;

/**
 * What may be logged about an error from a model or tool call. Never the error
 * object itself: AI SDK errors carry `requestBodyValues` (the whole prompt,
 * with the user's paste), `responseBody` and `cause` chains, which pino would
 * serialize verbatim. Only the type, a redacted and cut message, and the
 * status/code fields survive.
 */
export function summarizeError(error: unknown): ErrorSummary {
  const e = (error && typeof error === "object" ? error : {}) as Record<string, unknown>;
  const name = typeof e.name === "string" ? e.name.slice(0, 100) : typeof error;
  const raw =
    error instanceof Error ? error.message : typeof e.message === "string" ? e.message : String(error);
  const summary: ErrorSummary = {
    name,
    message: redactSecrets(raw.slice(0, 4 * MAX_MESSAGE_CHARS)).slice(0, MAX_MESSAGE_CHARS),
  };
  const status = e.statusCode ?? e.status;
  if (typeof status === "number") summary.status = status;
  if (typeof e.code === "string") summary.code = e.code.slice(0, 100);
  return summary;
}
