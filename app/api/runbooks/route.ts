import { parseQuery, withRoute } from "@/lib/http";
import { type RunbookListResponse, runbookListQuerySchema } from "@/lib/runbooks/api-schema";
import { toRunbookSummary } from "@/lib/runbooks/present";
import { getRunbookService } from "@/lib/runbooks/service-instance";

export const dynamic = "force-dynamic";

/** Every runbook, or with `?q=` the hybrid search results in relevance order. */
export const GET = withRoute("runbooks", async ({ req }): Promise<RunbookListResponse> => {
  const { q, limit } = parseQuery(req.url, runbookListQuerySchema);
  const service = getRunbookService();
  const all = await service.list();
  const query = q?.trim();
  if (!query) {
    const items = all.map((r) => toRunbookSummary(r));
    return { query: null, items, total: items.length, degraded: [], category: null };
  }
  const byId = new Map(all.map((r) => [r.id, r]));
  const res = await service.search({ query, topK: limit });
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
});
