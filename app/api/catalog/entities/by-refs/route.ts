import { byRefsBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { predicateToFilter } from "@/lib/catalog/api/predicate-filter";
import { byRefsQuery } from "@/lib/catalog/api/query-schemas";
import { getEntitiesByRefs } from "@/lib/catalog/queries/get-entity";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { parseJsonBody, parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's POST /entities/by-refs: `{ items }` in request order, null where missing. */
export const POST = catalogRoute("catalog.entities.by-refs", { scope: "catalog:read" }, async ({ req }) => {
  const { filter } = parseQuery(req.url, byRefsQuery);
  const body = await parseJsonBody(req, byRefsBody, 1024 * 1024);
  return getEntitiesByRefs(catalogDeps().db, {
    entityRefs: body.entityRefs,
    fields: body.fields?.length ? body.fields : undefined,
    filter: body.query ? predicateToFilter(body.query, "query") : filter,
  });
});
