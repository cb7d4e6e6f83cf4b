import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";

const MAX_EXCERPT_CHARS = 600;
const MAX_ROOT_CAUSE_CHARS = 300;

/**
 * The first chat message continuing a diagnosis: a one-line summary plus the
 * (server-redacted) matching lines, or the start of the pasted text when
 * nothing matched. Handed to the chat by reference (components/chat/handoff),
 * never in the URL.
 */
export function chatPrompt(result: DiagnoseResponse, errorText: string): string {
  const title = CATEGORY_TITLES[result.category];
  const rootCause =
    result.root_cause.length > MAX_ROOT_CAUSE_CHARS
      ? `${result.root_cause.slice(0, MAX_ROOT_CAUSE_CHARS - 1)}…`
      : result.root_cause;
  const evidence = result.classifications.map((c) => c.excerpt);
  const excerpt = (evidence.length > 0 ? [...new Set(evidence)].join("\n") : errorText.trim()).slice(
    0,
    MAX_EXCERPT_CHARS,
  );
  return [
    `Help me fix this: ${title} (${result.severity}).`,
    `Diagnosis: ${rootCause}`,
    "",
    "Error excerpt:",
    excerpt,
  ].join("\n");
}
