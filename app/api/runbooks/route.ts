import { parseQuery, withRoute } from "@/lib/http";
import { runbookListQuerySchema } from "@/lib/runbooks/api-schema";
import { listOrSearchRunbooks } from "@/lib/runbooks/list-or-search";
import { getRunbookService } from "@/lib/runbooks/service-instance";

export const dynamic = "force-dynamic";

/** Every runbook, or with `?q=` the hybrid search results in relevance order. */
export const GET = withRoute("runbooks", { scope: "catalog:read" }, async ({ req }) => {
  const { q, limit } = parseQuery(req.url, runbookListQuerySchema);
  return listOrSearchRunbooks(getRunbookService(), { q, limit });
});
