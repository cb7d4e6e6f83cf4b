import { auditCatalog } from "@/lib/access/catalog-guards";
import { authorizeCatalog } from "@/lib/access/catalog-permissions";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { locationIdParams } from "@/lib/catalog/api/query-schemas";
import { getLocation, removeLocation } from "@/lib/catalog/ingest/locations";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { toBackstageLocation } from "@/lib/catalog/service/location-service";
import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = catalogRoute<{ id: string }>(
  "catalog.locations.get",
  { scope: "catalog:read" },
  async ({ params }) => {
    const { id } = parsePathParams(params, locationIdParams);
    const location = await getLocation(catalogDeps().db, id);
    if (!location) throw notFound(`Found no location with ID ${id}`);
    return toBackstageLocation(location);
  },
);

/** 204; removes the location and, like Backstage, the entities it manages. */
export const DELETE = catalogRoute<{ id: string }>(
  "catalog.locations.delete",
  { scope: "catalog:write" },
  async ({ req, params, principal, log }) => {
    const { id } = parsePathParams(params, locationIdParams);
    const deps = catalogDeps();
    await authorizeCatalog(getDb(), principal, "catalog.location.delete", id);
    const removed = await deps.writes(() => removeLocation(deps.db, id));
    if (!removed) throw notFound(`Found no location with ID ${id}`);
    await auditCatalog(getDb(), req, principal, "catalog.location.delete", id, log);
    return new Response(null, { status: 204 });
  },
);
