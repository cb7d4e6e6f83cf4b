"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { NoCluster } from "@/components/k8s/no-cluster";
import { useNow } from "@/components/k8s/use-now";
import type { KubernetesMode } from "@/lib/config/server-config";
import {
  clusterKeys,
  fetchClusterHealth,
  fetchNamespaces,
  fetchPods,
  REFRESH_INTERVAL_MS,
} from "./cluster-queries";
import { NamespaceFilter } from "./namespace-filter";
import { PodsTable } from "./pods-table";
import { ProblemsTable } from "./problems-table";
import { RefreshStatus } from "./refresh-status";
import { ResourceErrors } from "./resource-errors";
import { SummaryCards } from "./summary-cards";

export function ClusterDashboard({
  mode,
  initialNamespace,
}: {
  mode: KubernetesMode;
  initialNamespace?: string;
}) {
  const [namespace, setNamespace] = useState(initialNamespace);
  const [paused, setPaused] = useState(false);
  const now = useNow();
  const refetchInterval = paused ? false : REFRESH_INTERVAL_MS;

  const health = useQuery({
    queryKey: clusterKeys.health(namespace),
    queryFn: ({ signal }) => fetchClusterHealth(namespace, signal),
    refetchInterval,
    // Keep the page (and the filter) on screen while another namespace loads.
    placeholderData: keepPreviousData,
  });
  const connected = health.data?.connected ?? false;
  const pods = useQuery({
    queryKey: clusterKeys.pods(namespace),
    queryFn: ({ signal }) => fetchPods(namespace, signal),
    refetchInterval,
    placeholderData: keepPreviousData,
    enabled: connected,
  });
  const namespaces = useQuery({
    queryKey: clusterKeys.namespaces(),
    queryFn: ({ signal }) => fetchNamespaces(signal),
    staleTime: 60_000,
    enabled: connected,
  });

  const changeNamespace = useCallback((ns: string | undefined) => {
    setNamespace(ns);
    // Shareable URL without a server round trip; Next keeps useSearchParams in sync with history.replaceState.
    const url = new URL(window.location.href);
    if (ns) url.searchParams.set("namespace", ns);
    else url.searchParams.delete("namespace");
    window.history.replaceState(null, "", url);
  }, []);

  const refresh = () => {
    void health.refetch();
    if (connected) void pods.refetch();
  };

  if (health.isPending) {
    return <p className="text-sm text-slate-500">Loading cluster health…</p>;
  }
  if (health.isError && !health.data) {
    return (
      <p
        role="alert"
        className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        Could not load cluster health: {health.error.message}
      </p>
    );
  }
  const data = health.data;
  if (!data.connected) {
    return <NoCluster mode={mode} cluster={data.cluster} errors={data.errors} />;
  }

  return (
    <div>
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-slate-600 dark:text-slate-300">
            Cluster <span className="font-mono font-medium">{data.cluster}</span>
          </span>
          <NamespaceFilter
            value={namespace}
            namespaces={namespaces.data?.namespaces ?? []}
            onChange={changeNamespace}
          />
        </div>
        <RefreshStatus
          updatedAt={health.dataUpdatedAt}
          now={now}
          paused={paused}
          fetching={health.isFetching}
          onTogglePause={() => setPaused((p) => !p)}
          onRefresh={refresh}
        />
      </div>
      {health.isError && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-300">
          Refresh failed ({health.error.message}); showing the last good answer.
        </p>
      )}
      <ResourceErrors errors={data.errors} />
      <SummaryCards summary={data.summary} />
      <ProblemsTable problems={data.problems} />
      {pods.data ? (
        <>
          <ResourceErrors errors={pods.data.errors} />
          <PodsTable pods={pods.data.pods} now={now} />
        </>
      ) : (
        <p className="mt-8 text-sm text-slate-500">
          {pods.isError ? `Pods: ${pods.error.message}` : "Loading pods…"}
        </p>
      )}
    </div>
  );
}
