import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { optionalNamespaceQuery } from "@/app/api/kubernetes/schema";
import { ClusterDashboard } from "@/components/cluster/cluster-dashboard";
import { clusterKeys } from "@/components/cluster/cluster-queries";
import { PageHeader } from "@/components/ui/page-header";
import { getServerConfig } from "@/lib/config/server-config";
import { listNamespaces, listPods } from "@/lib/k8s/list-pods";
import { getKubeClients, readClusterHealth } from "@/lib/k8s/service";
import { makeQueryClient } from "@/lib/query/make-query-client";

export const metadata = { title: "Cluster" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = optionalNamespaceQuery.safeParse({ namespace: (await searchParams).namespace });
  // An invalid ?namespace= just shows all namespaces; the API route is where it is a 400.
  const namespace = parsed.success ? parsed.data.namespace : undefined;
  const mode = getServerConfig().kubernetes.mode;
  const clients = getKubeClients();

  // Server prefetch through the same cached functions the API routes use, so the first paint has data.
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: clusterKeys.health(namespace),
      queryFn: async () => (await readClusterHealth({ namespace })).health,
    }),
    clients &&
      queryClient.prefetchQuery({
        queryKey: clusterKeys.pods(namespace),
        queryFn: () => listPods(clients, { namespace }),
      }),
    clients &&
      queryClient.prefetchQuery({
        queryKey: clusterKeys.namespaces(),
        queryFn: () => listNamespaces(clients),
      }),
  ]);

  return (
    <>
      <PageHeader
        title="Cluster"
        description="Read-only health of the connected Kubernetes cluster: findings, workloads and pods."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ClusterDashboard mode={mode} initialNamespace={namespace} />
      </HydrationBoundary>
    </>
  );
}
