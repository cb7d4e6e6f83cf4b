import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { nextPageLink } from "@/lib/catalog/api/link-header";
import { getEntitiesQuery } from "@/lib/catalog/api/query-schemas";
import { getEntities } from "@/lib/catalog/queries/get-entities";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's GET /entities: a plain array; the next page is announced in a `Link` header. */
export const GET = catalogRoute("catalog.entities.list", { scope: "catalog:read" }, async ({ req }) => {
  const q = parseQuery(req.url, getEntitiesQuery);
  const { items, nextCursor } = await getEntities(catalogDeps().db, q);
  const headers: Record<string, string> = {};
  if (nextCursor) headers.Link = nextPageLink(req.url, nextCursor);
  return Response.json(items, { headers });
});
