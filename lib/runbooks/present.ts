import type { RunbookDetail, RunbookSummary } from "./api-schema";
import type { Runbook } from "./load";
import type { RunbookSearchResult } from "./search";

const SUMMARY_CHARS = 220;

/** First prose paragraph of the body (skips headings, lists, tables, code and quotes). */
export function runbookSummaryText(body: string): string {
  const blocks = body.replace(/```[\s\S]*?```/g, "").split(/\r?\n\s*\r?\n/);
  for (const block of blocks) {
    const text = block.trim();
    if (!text || /^(#|[-*+] |\d+\. |\||>|<)/.test(text)) continue;
    const plain = text
      .replace(/\s+/g, " ")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/[`*_]/g, "");
    return plain.length > SUMMARY_CHARS ? `${plain.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : plain;
  }
  return "";
}

export function toRunbookSummary(runbook: Runbook, hit?: RunbookSearchResult): RunbookSummary {
  return {
    id: runbook.id,
    title: runbook.title,
    url: `/runbooks/${runbook.id}`,
    categories: [...runbook.categories],
    tags: [...runbook.tags],
    summary: runbookSummaryText(runbook.body),
    ...(hit ? { score: hit.score, snippet: hit.snippet, heading: hit.heading } : {}),
  };
}

export function toRunbookDetail(runbook: Runbook): RunbookDetail {
  const front_matter = {
    id: runbook.id,
    title: runbook.title,
    categories: [...runbook.categories],
    tags: [...runbook.tags],
  };
  return {
    ...front_matter,
    url: `/runbooks/${runbook.id}`,
    markdown: runbook.body,
    front_matter,
    hash: runbook.hash,
  };
}
