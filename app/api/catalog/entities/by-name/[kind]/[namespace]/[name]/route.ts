import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { entityNameParams } from "@/lib/catalog/api/query-schemas";
import { getEntityByName } from "@/lib/catalog/queries/get-entity";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

type Params = { kind: string; namespace: string; name: string };

export const GET = catalogRoute<Params>(
  "catalog.entities.by-name",
  { scope: "catalog:read" },
  async ({ params }) => {
    const name = parsePathParams(params, entityNameParams);
    const entity = await getEntityByName(catalogDeps().db, name);
    if (!entity) {
      throw notFound(
        `No entity named '${name.name}' found, with kind '${name.kind}' in namespace '${name.namespace}'`,
      );
    }
    return entity;
  },
);
