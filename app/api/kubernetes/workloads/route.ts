import { workloadsQuerySchema } from "@/app/api/kubernetes/schema";
import { tryCanonicalRef } from "@/lib/catalog/model/entity-ref";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { getDb } from "@/lib/db/client";
import { badRequest, notFound, parseQuery, withRoute } from "@/lib/http";
import { getKubeClients } from "@/lib/k8s/service";
import { findEntityWorkloads } from "@/lib/k8s/workloads";

export const dynamic = "force-dynamic";

/** Deployments and pods of a catalog entity, found through its backstage.io/kubernetes-* annotations. */
export const GET = withRoute("kubernetes-workloads", { scope: "cluster:read" }, async ({ req }) => {
  const { entity: ref } = parseQuery(req.url, workloadsQuerySchema);
  if (!tryCanonicalRef(ref)) {
    throw badRequest(
      "Invalid query: entity: must be an entity reference like component:default/checkout-api",
      {
        fields: [{ field: "entity", message: "must be an entity reference [kind:][namespace/]name" }],
      },
    );
  }
  const entity = await getEntityByRef(getDb(), ref);
  if (!entity) throw notFound(`No entity ${ref} in the catalog`, { entity: ref });
  const workloads = await findEntityWorkloads(getKubeClients(), entity);
  return Response.json({ entity: ref, ...workloads }, { headers: { "Cache-Control": "no-store" } });
});
