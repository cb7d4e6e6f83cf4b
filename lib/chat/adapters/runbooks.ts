import type { RunbookSearchResponse } from "@/lib/runbooks/search";
import type { RunbookSearchOutput } from "../types";

export function toRunbookSearchOutput(query: string, res: RunbookSearchResponse): RunbookSearchOutput {
  return {
    query,
    results: res.results.map((r) => ({
      id: r.id,
      title: r.title,
      url: `/runbooks/${encodeURIComponent(r.id)}`,
      snippet: r.snippet,
      score: Math.round(r.score * 1000) / 1000,
    })),
    degraded: res.degraded,
  };
}
