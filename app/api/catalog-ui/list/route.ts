import { listEntities } from "@/lib/catalog";
import { PAGE_SIZE, parseListParams, toListResponse } from "@/lib/catalog/ui/list-params";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/** One page of the catalog table with facet counts; same params as the /catalog URL. */
export const GET = withRoute("catalog-ui.list", { scope: "catalog:read" }, async ({ req }) => {
  const p = parseListParams(new URL(req.url).searchParams);
  const result = await listEntities(getDb(), { ...p, pageSize: PAGE_SIZE });
  return toListResponse(result);
});
