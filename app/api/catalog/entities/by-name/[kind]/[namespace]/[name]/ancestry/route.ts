import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { entityNameParams } from "@/lib/catalog/api/query-schemas";
import { stringifyEntityRef } from "@/lib/catalog/model/entity-ref";
import { getEntityAncestry } from "@/lib/catalog/queries/get-entity-ancestry";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

type Params = { kind: string; namespace: string; name: string };

/** Backstage's ancestry route: `{ rootEntityRef, items: [{ entity, parentEntityRefs }] }`. */
export const GET = catalogRoute<Params>(
  "catalog.entities.ancestry",
  { scope: "catalog:read" },
  async ({ params }) => {
    const name = parsePathParams(params, entityNameParams);
    const ancestry = await getEntityAncestry(catalogDeps().db, name);
    if (!ancestry) throw notFound(`No such entity ${stringifyEntityRef(name)}`);
    return ancestry;
  },
);
