import type { RunbookListResponse } from "./api-schema";
import { toRunbookSummary } from "./present";
import type { RunbookService } from "./service";

/** GET /api/runbooks and the Runbooks page: every runbook, or the hybrid search hits for `q`. */
export async function listOrSearchRunbooks(
  service: Pick<RunbookService, "list" | "search">,
  input: { q?: string; limit?: number },
): Promise<RunbookListResponse> {
  const all = await service.list();
  const query = input.q?.trim();
  if (!query) {
    const items = all.map((r) => toRunbookSummary(r));
    return { query: null, items, total: items.length, degraded: [], category: null };
  }
  const byId = new Map(all.map((r) => [r.id, r]));
  const res = await service.search({ query, topK: input.limit ?? 20 });
  const items = res.results.flatMap((hit) => {
    const runbook = byId.get(hit.id);
    return runbook ? [toRunbookSummary(runbook, hit)] : [];
  });
  return {
    query,
    items,
    total: items.length,
    degraded: res.degraded,
    category: (res.category ?? null) as RunbookListResponse["category"],
  };
}
