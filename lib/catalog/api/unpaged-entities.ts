import { getServerConfig } from "@/lib/config/server-config";
import { badRequest } from "@/lib/http";
import type { SqlExecutor } from "../db/sql-client";
import { countUnpaged, type StreamEntitiesParams, streamEntities } from "../queries/stream-entities";

/**
 * `GET /entities` without `limit`: every matching entity, streamed, like Backstage. Past
 * PORTICO_CATALOG_MAX_UNPAGED the answer is a 400 pointing to paging, never a truncated 200.
 * The count is read first; entities written while the stream runs may or may not be in it,
 * as with any read that spans several queries.
 */
export async function unpagedEntities(db: SqlExecutor, params: StreamEntitiesParams): Promise<Response> {
  const max = getServerConfig().catalog.maxUnpaged;
  const total = await countUnpaged(db, params);
  if (total > max) {
    const message = `this request matches ${total} entities, more than the ${max} an unpaged request may return (PORTICO_CATALOG_MAX_UNPAGED); page with limit and follow the Link header's next page, or use /entities/by-query with its cursor`;
    throw badRequest(`limit: ${message}`, { fields: [{ field: "limit", message }], total, max });
  }
  return new Response(streamEntities(db, params), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
