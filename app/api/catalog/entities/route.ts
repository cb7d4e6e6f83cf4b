import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { nextPageLink } from "@/lib/catalog/api/link-header";
import { getEntitiesQuery } from "@/lib/catalog/api/query-schemas";
import { unpagedEntities } from "@/lib/catalog/api/unpaged-entities";
import { decodeAfter, getEntities } from "@/lib/catalog/queries/get-entities";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Backstage's GET /entities: a plain array; with `limit`, the next page is announced in a
 * `Link` header; without it, every matching entity, streamed (up to PORTICO_CATALOG_MAX_UNPAGED).
 */
export const GET = catalogRoute("catalog.entities.list", { scope: "catalog:read" }, async ({ req }) => {
  const q = parseQuery(req.url, getEntitiesQuery);
  const db = catalogDeps().db;
  if (q.limit === undefined) {
    const offset = (q.offset ?? 0) + decodeAfter(q.after);
    return unpagedEntities(db, { filter: q.filter, fields: q.fields, order: q.order, offset });
  }
  const { items, nextCursor } = await getEntities(db, q);
  const headers: Record<string, string> = {};
  if (nextCursor) headers.Link = nextPageLink(req.url, nextCursor);
  return Response.json(items, { headers });
});
