"use client";

import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import type { EntityWorkloads as Workloads } from "@/lib/k8s/workloads";
import { formatAge } from "./age";
import { fetchJson } from "./fetch-json";
import { PodStatusBadge } from "./pod-status-badge";
import { useNow } from "./use-now";

type WorkloadsResponse = Workloads & { entity: string };

export const entityWorkloadsKey = (entityRef: string) => ["kubernetes", "workloads", entityRef] as const;

const box = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const th = "px-3 py-2 font-medium";

/**
 * Kubernetes workloads of one catalog entity (deployments ready/desired, pods with
 * status, restarts and age), matched by its backstage.io/kubernetes-id or
 * kubernetes-label-selector annotation. Polls every `refreshMs`.
 */
export function EntityWorkloads({
  entityRef,
  refreshMs = 15_000,
  title = "Kubernetes",
}: {
  /** `kind:namespace/name`, e.g. `component:default/checkout-api`. */
  entityRef: string;
  refreshMs?: number | false;
  title?: string;
}) {
  const now = useNow();
  const q = useQuery({
    queryKey: entityWorkloadsKey(entityRef),
    queryFn: ({ signal }) =>
      fetchJson<WorkloadsResponse>(
        `/api/kubernetes/workloads?entity=${encodeURIComponent(entityRef)}`,
        signal,
      ),
    refetchInterval: refreshMs,
    staleTime: 5_000,
  });

  return (
    <section aria-labelledby="entity-workloads-heading" className={box} data-testid="entity-workloads">
      <h2
        id="entity-workloads-heading"
        className="text-sm font-semibold uppercase tracking-wide text-slate-500"
      >
        {title}
      </h2>
      <div className="mt-3 text-sm">
        <Body q={q} now={now} />
      </div>
    </section>
  );
}

function Body({ q, now }: { q: UseQueryResult<WorkloadsResponse>; now: number | null }) {
  const muted = "text-slate-500 dark:text-slate-400";
  if (q.isPending) return <p className={muted}>Loading workloads…</p>;
  if (q.isError)
    return <p className="text-red-700 dark:text-red-300">Could not load workloads: {q.error.message}</p>;
  const w = q.data;
  if (!w.configured) {
    return (
      <p className={muted}>
        Not configured: add a <code className="font-mono text-xs">backstage.io/kubernetes-id</code> (or{" "}
        <code className="font-mono text-xs">backstage.io/kubernetes-label-selector</code>) annotation to this
        entity to see its workloads.
      </p>
    );
  }
  if (!w.connected) {
    return (
      <p className={muted}>
        No cluster connected.{" "}
        {w.errors.length > 0 ? w.errors.map((e) => `${e.resource}: ${e.message}`).join("; ") : ""}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p className={`text-xs ${muted}`}>
        Selector <code className="font-mono">{w.selector}</code>
        {w.namespace ? ` in ${w.namespace}` : " in all namespaces"}
      </p>
      {w.errors.length > 0 && (
        <p role="alert" className="text-amber-800 dark:text-amber-200">
          Partially unavailable: {w.errors.map((e) => `${e.resource}: ${e.message}`).join("; ")}
        </p>
      )}
      {w.deployments.length === 0 && w.pods.length === 0 ? (
        <p className={muted}>No deployments or pods match this entity.</p>
      ) : (
        <>
          {w.deployments.length > 0 && (
            <ul aria-label="Deployments" className="space-y-1">
              {w.deployments.map((d) => {
                const ok = d.ready >= d.desired;
                return (
                  <li
                    key={`${d.namespace}/${d.name}`}
                    className="flex flex-wrap items-baseline justify-between gap-2"
                  >
                    <span className="font-mono text-xs">
                      {d.namespace}/{d.name}
                    </span>
                    <span
                      className={`tabular-nums font-medium ${ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
                    >
                      {d.ready}/{d.desired} ready
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {w.pods.length > 0 && (
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm" aria-label="Pods">
                <thead className={`text-xs uppercase tracking-wide ${muted}`}>
                  <tr>
                    <th scope="col" className={th}>
                      Pod
                    </th>
                    <th scope="col" className={th}>
                      Status
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Restarts
                    </th>
                    <th scope="col" className={`${th} text-right`}>
                      Age
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {w.pods.map((p) => (
                    <tr key={`${p.namespace}/${p.name}`}>
                      <td className="break-all px-3 py-1.5 font-mono text-xs">{p.name}</td>
                      <td className="px-3 py-1.5">
                        <PodStatusBadge phase={p.phase} reason={p.reason} />
                      </td>
                      <td
                        className={`px-3 py-1.5 text-right tabular-nums ${p.restarts > 0 ? "font-semibold text-amber-700 dark:text-amber-300" : ""}`}
                      >
                        {p.restarts}
                      </td>
                      <td className={`px-3 py-1.5 text-right tabular-nums ${muted}`}>
                        {now === null ? "" : formatAge(p.started_at, now)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
