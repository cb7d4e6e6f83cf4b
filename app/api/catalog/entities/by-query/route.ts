import { queryByPredicateBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { predicateToFilter } from "@/lib/catalog/api/predicate-filter";
import { queryEntitiesQuery } from "@/lib/catalog/api/query-schemas";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { parseJsonBody, parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's GET /entities/by-query: `{ items, totalItems, pageInfo }`; a cursor carries the query. */
export const GET = catalogRoute("catalog.entities.query", { scope: "catalog:read" }, async ({ req }) => {
  const q = parseQuery(req.url, queryEntitiesQuery);
  const fields = q.fields.length ? q.fields : undefined;
  const db = catalogDeps().db;
  if (q.cursor) return queryEntities(db, { cursor: q.cursor, limit: q.limit, fields });
  const term = q.fullTextFilterTerm?.trim();
  return queryEntities(db, {
    filter: q.filter,
    fields,
    limit: q.limit,
    offset: q.offset,
    orderFields: q.orderField.length ? q.orderField : undefined,
    fullTextFilter: term
      ? { term, fields: q.fullTextFilterFields.length ? q.fullTextFilterFields : undefined }
      : undefined,
    totalItems: q.totalItems,
  });
});

/** The predicate form catalog-client uses when a `query` is given. */
export const POST = catalogRoute(
  "catalog.entities.query-predicate",
  { scope: "catalog:read" },
  async ({ req }) => {
    const body = await parseJsonBody(req, queryByPredicateBody, 256 * 1024);
    const db = catalogDeps().db;
    const fields = body.fields?.length ? body.fields : undefined;
    if ("cursor" in body) {
      return queryEntities(db, { cursor: body.cursor, limit: body.limit, fields });
    }
    const term = body.fullTextFilter?.term.trim();
    return queryEntities(db, {
      filter: body.query ? predicateToFilter(body.query, "query") : [],
      fields,
      limit: body.limit,
      offset: body.offset,
      orderFields: body.orderBy,
      fullTextFilter: term ? { term, fields: body.fullTextFilter?.fields } : undefined,
      totalItems: body.totalItems,
    });
  },
);
