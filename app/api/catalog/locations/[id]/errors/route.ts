import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { locationIdParams } from "@/lib/catalog/api/query-schemas";
import { getLocation, getLocationErrors } from "@/lib/catalog/ingest/locations";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Portico extension: a location's refresh status and the problems of its last refresh. */
export const GET = catalogRoute<{ id: string }>(
  "catalog.locations.errors",
  { scope: "catalog:read" },
  async ({ params }) => {
    const { id } = parsePathParams(params, locationIdParams);
    const db = catalogDeps().db;
    const location = await getLocation(db, id);
    if (!location) throw notFound(`Found no location with ID ${id}`);
    return { location, errors: await getLocationErrors(db, id) };
  },
);
