import { optionalNamespaceQuery } from "@/app/api/kubernetes/schema";
import { parseQuery, withRoute } from "@/lib/http";
import { readClusterHealth } from "@/lib/k8s/service";

export const dynamic = "force-dynamic";

/** ClusterHealth JSON; never a 5xx for cluster trouble: that is `connected:false` or `errors[]`. */
export const GET = withRoute("cluster-health", { scope: "cluster:read" }, async ({ req }) => {
  const { namespace } = parseQuery(req.url, optionalNamespaceQuery);
  const { health, cache } = await readClusterHealth({ namespace });
  // The server-side TTL cache is the only cache: a browser or proxy must not serve stale health.
  return Response.json(health, { headers: { "Cache-Control": "no-store", "X-Cache": cache } });
});
