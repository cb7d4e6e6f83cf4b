import { auditCatalog } from "@/lib/access/catalog-guards";
import { authorizeCatalog } from "@/lib/access/catalog-permissions";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { uidParams } from "@/lib/catalog/api/query-schemas";
import { getEntityByUid } from "@/lib/catalog/queries/get-entity";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { deleteEntityByUid } from "@/lib/catalog/service/entity-service";
import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = catalogRoute<{ uid: string }>(
  "catalog.entities.by-uid",
  { scope: "catalog:read" },
  async ({ params }) => {
    const { uid } = parsePathParams(params, uidParams);
    const entity = await getEntityByUid(catalogDeps().db, uid);
    if (!entity) throw notFound(`No entity with uid ${uid}`);
    return entity;
  },
);

/** 204; orphans only — see deleteEntityByUid for why emitted entities answer 409. */
export const DELETE = catalogRoute<{ uid: string }>(
  "catalog.entities.delete",
  { scope: "catalog:write" },
  async ({ req, params, principal, log }) => {
    const { uid } = parsePathParams(params, uidParams);
    await authorizeCatalog(getDb(), principal, "catalog.entity.delete", uid);
    await deleteEntityByUid(catalogDeps(), uid);
    await auditCatalog(getDb(), req, principal, "catalog.entity.delete", uid, log);
    return new Response(null, { status: 204 });
  },
);
