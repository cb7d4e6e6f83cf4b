import { afterLocationRegistered, guardLocationWrite } from "@/lib/access/catalog-guards";
import { locationInput } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { dryRunQuery } from "@/lib/catalog/api/query-schemas";
import { listLocations } from "@/lib/catalog/ingest/locations";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation, toBackstageLocation } from "@/lib/catalog/service/location-service";
import { getDb } from "@/lib/db/client";
import { parseJsonBody, parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's GET /locations: `[{ data: Location }]`. */
export const GET = catalogRoute("catalog.locations.list", { scope: "catalog:read" }, async () => {
  const locations = await listLocations(catalogDeps().db);
  return Response.json(locations.map((l) => ({ data: toBackstageLocation(l) })));
});

/** Backstage's POST /locations: 201 `{ location, entities, exists? }`; 409 when it exists. */
export const POST = catalogRoute(
  "catalog.locations.create",
  { scope: "catalog:write" },
  async ({ req, principal, log }) => {
    const { dryRun, onConflict } = parseQuery(req.url, dryRunQuery);
    const body = await parseJsonBody(req, locationInput, 64 * 1024);
    if (!dryRun) await guardLocationWrite(getDb(), principal, body);
    const created = await createLocation(catalogDeps(), body, { dryRun, onConflict });
    if (!dryRun) {
      const existed = created.exists === true;
      await afterLocationRegistered(getDb(), req, principal, created.location, { existed }, log);
    }
    return Response.json(created, { status: 201 });
  },
);
