import { analyzeLog } from "@/lib/diagnose/analyzer";
import { runbookQuery, runbookSteering } from "@/lib/diagnose/diagnose";
import { redactSecrets } from "@/lib/diagnose/redact";
import type { SuggestRunbookRequest, SuggestRunbookResponse } from "./api-schema";
import type { RunbookService } from "./service";

// Embedding and BM25 want the gist, not a 256 KiB log.
const MAX_RAW_QUERY_CHARS = 2_000;

/**
 * Runbook suggestions for a question and/or a pasted error. Error text is
 * redacted, then classified by the log analyzer (line patterns with causal
 * precedence), whose category boosts retrieval; the retrieval query is the
 * category plus the matching evidence lines rather than the whole log. A bare
 * question is classified by the search's keyword classifier instead.
 */
export async function suggestRunbooks(
  input: SuggestRunbookRequest,
  runbooks: Pick<RunbookService, "search">,
): Promise<SuggestRunbookResponse> {
  const parts: string[] = [];
  let category: string | undefined;
  let preferCategories: string[] | undefined;
  if (input.query?.trim()) parts.push(input.query.trim());
  if (input.error_message?.trim()) {
    const redacted = redactSecrets(input.error_message);
    const analysis = analyzeLog(redacted);
    // Nothing recognised: the raw text is the best query. A recognised failure
    // outside the vocabulary (category "other" with evidence) steers like any other.
    if (analysis.categories.length === 0) {
      parts.push(redacted.slice(0, MAX_RAW_QUERY_CHARS));
    } else {
      // The same steering as /api/diagnose: root cause boosted, its and the runner-up's runbooks first.
      ({ category, preferCategories } = runbookSteering(analysis));
      parts.push(runbookQuery(analysis));
    }
  }
  const res = await runbooks.search({
    query: parts.join("\n"),
    topK: input.top_k,
    category,
    preferCategories,
  });
  return {
    results: res.results.map(({ id, title, url, score, snippet }) => ({ id, title, url, score, snippet })),
    degraded: res.degraded,
    category: (res.category ?? null) as SuggestRunbookResponse["category"],
  };
}
