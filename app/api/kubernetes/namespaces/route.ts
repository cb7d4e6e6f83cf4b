import { withRoute } from "@/lib/http";
import { listNamespaces } from "@/lib/k8s/list-pods";
import { getKubeClients } from "@/lib/k8s/service";

export const dynamic = "force-dynamic";

/** Namespace names for filters (falls back to the namespaces pods live in when namespaces cannot be listed). */
export const GET = withRoute("kubernetes-namespaces", { scope: "cluster:read" }, async () => {
  const list = await listNamespaces(getKubeClients());
  return Response.json(list, { headers: { "Cache-Control": "no-store" } });
});
