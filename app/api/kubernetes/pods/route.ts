import { optionalNamespaceQuery } from "@/app/api/kubernetes/schema";
import { parseQuery, withRoute } from "@/lib/http";
import { listPods } from "@/lib/k8s/list-pods";
import { getKubeClients } from "@/lib/k8s/service";

export const dynamic = "force-dynamic";

/** Pod list (status, restarts) of one namespace or all, for the Cluster page. */
export const GET = withRoute("kubernetes-pods", { scope: "cluster:read" }, async ({ req }) => {
  const { namespace } = parseQuery(req.url, optionalNamespaceQuery);
  const list = await listPods(getKubeClients(), { namespace });
  return Response.json(list, { headers: { "Cache-Control": "no-store" } });
});
