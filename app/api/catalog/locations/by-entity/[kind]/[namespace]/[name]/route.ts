import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { entityNameParams } from "@/lib/catalog/api/query-schemas";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { locationByEntityName } from "@/lib/catalog/service/entity-service";
import { parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

type Params = { kind: string; namespace: string; name: string };

/** Backstage's GET /locations/by-entity/…: the location the entity originates from. */
export const GET = catalogRoute<Params>(
  "catalog.locations.by-entity",
  { scope: "catalog:read" },
  async ({ params }) => {
    return locationByEntityName(catalogDeps(), parsePathParams(params, entityNameParams));
  },
);
