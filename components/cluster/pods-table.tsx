import { formatAge } from "@/components/k8s/age";
import { PodStatusBadge } from "@/components/k8s/pod-status-badge";
import { TableHead } from "@/components/ui/table-head";
import type { PodStatus } from "@/lib/k8s/workloads";

function groupByNamespace(pods: PodStatus[]): [string, PodStatus[]][] {
  const groups = new Map<string, PodStatus[]>();
  for (const p of pods) groups.set(p.namespace, [...(groups.get(p.namespace) ?? []), p]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function PodsTable({ pods, now }: { pods: PodStatus[]; now: number | null }) {
  return (
    <section aria-labelledby="pods-heading" className="mt-8">
      <h2 id="pods-heading" className="text-lg font-semibold">
        Pods <span className="text-sm font-normal text-slate-500">({pods.length})</span>
      </h2>
      {pods.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">No pods.</p>
      ) : (
        <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full text-left text-sm">
            <TableHead
              columns={[
                "Name",
                "Status",
                "Ready",
                { label: "Restarts", className: "text-right" },
                { label: "Node", className: "hidden sm:table-cell" },
                { label: "Age", className: "text-right" },
              ]}
            />
            {groupByNamespace(pods).map(([namespace, items]) => (
              <tbody
                key={namespace}
                aria-label={`Namespace ${namespace}`}
                className="divide-y divide-slate-100 dark:divide-slate-800"
              >
                <tr className="bg-slate-50/60 dark:bg-slate-800/30">
                  <th
                    scope="colgroup"
                    colSpan={6}
                    className="px-3 py-1.5 text-xs font-semibold text-slate-600 dark:text-slate-300"
                  >
                    {namespace} <span className="font-normal text-slate-400">· {items.length}</span>
                  </th>
                </tr>
                {items.map((p) => (
                  <tr key={p.name}>
                    <td className="break-all px-3 py-1.5 font-mono text-xs">{p.name}</td>
                    <td className="px-3 py-1.5">
                      <PodStatusBadge phase={p.phase} reason={p.reason} />
                    </td>
                    <td className="px-3 py-1.5 tabular-nums">{p.ready}</td>
                    <td
                      className={`px-3 py-1.5 text-right tabular-nums ${
                        p.restarts > 0 ? "font-semibold text-amber-700 dark:text-amber-300" : ""
                      }`}
                    >
                      {p.restarts}
                    </td>
                    <td className="hidden px-3 py-1.5 text-xs text-slate-500 sm:table-cell dark:text-slate-400">
                      {p.node ?? "—"}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums text-slate-500 dark:text-slate-400">
                      {now === null ? "" : formatAge(p.started_at, now)}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}
