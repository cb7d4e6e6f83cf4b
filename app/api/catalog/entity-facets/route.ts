import { z } from "zod";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { predicateToFilter } from "@/lib/catalog/api/predicate-filter";
import { facetsQuery, fieldPath, MAX_FACETS } from "@/lib/catalog/api/query-schemas";
import { getEntityFacets } from "@/lib/catalog/queries/entity-facets";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { parseJsonBody, parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's GET /entity-facets: `{ facets: { [facet]: [{ value, count }] } }`. */
export const GET = catalogRoute("catalog.entity-facets", { scope: "catalog:read" }, async ({ req }) => {
  const { facet, filter } = parseQuery(req.url, facetsQuery);
  return getEntityFacets(catalogDeps().db, { facets: facet, filter });
});

const predicateBody = z.object({
  facets: z.array(fieldPath.min(1)).min(1, "at least one facet is required").max(MAX_FACETS),
  query: z.record(z.string(), z.unknown()).optional(),
});

/** The predicate form catalog-client uses when a `query` is given. */
export const POST = catalogRoute(
  "catalog.entity-facets.query",
  { scope: "catalog:read" },
  async ({ req }) => {
    const body = await parseJsonBody(req, predicateBody, 256 * 1024);
    return getEntityFacets(catalogDeps().db, {
      facets: body.facets,
      filter: body.query ? predicateToFilter(body.query, "query") : [],
    });
  },
);
