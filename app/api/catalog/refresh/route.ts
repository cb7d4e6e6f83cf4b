import { auditCatalog, guardEntityRefresh } from "@/lib/access/catalog-guards";
import { refreshBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { refreshEntity } from "@/lib/catalog/service/entity-service";
import { getDb } from "@/lib/db/client";
import { parseJsonBody } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Backstage's POST /refresh. catalog-client insists on status 200 and ignores the body;
 * the refresh runs synchronously here, so the body reports its outcome.
 */
export const POST = catalogRoute(
  "catalog.refresh",
  { scope: "catalog:write" },
  async ({ req, principal, log }) => {
    const { entityRef } = await parseJsonBody(req, refreshBody, 16 * 1024);
    await guardEntityRefresh(getDb(), principal, entityRef);
    const result = await refreshEntity(catalogDeps(), entityRef);
    await auditCatalog(getDb(), req, principal, "catalog.entity.refresh", entityRef, log, { ok: result.ok });
    return result;
  },
);
