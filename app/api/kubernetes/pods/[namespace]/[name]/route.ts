import { podPathSchema } from "@/app/api/kubernetes/schema";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import { getKubeClients } from "@/lib/k8s/service";

export const dynamic = "force-dynamic";

/** Pod, containers, events, owner and problems: the context the diagnose flow starts from. */
export const GET = withRoute<{ namespace: string; name: string }>(
  "kubernetes-pod",
  { scope: "cluster:read" },
  async ({ params }) => {
    const ref = parsePathParams(params, podPathSchema);
    const clients = getKubeClients();
    const ctx = await collectPodContext(clients, ref);
    const headers = { "Cache-Control": "no-store" };
    if (ctx.found) return Response.json({ connected: true, ...ctx }, { headers });
    if (ctx.reason === "not-found") throw notFound(ctx.message, { namespace: ref.namespace, name: ref.name });
    // Not connected / API server unavailable is a state to show, not a server fault.
    return Response.json({ connected: false, ...ctx }, { headers });
  },
);
