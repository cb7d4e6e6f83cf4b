import type { ClusterHealthSummary } from "@/lib/k8s/schema";

function Card({
  label,
  value,
  detail,
  warn,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  warn: boolean;
  testId: string;
}) {
  return (
    <div
      data-testid={testId}
      className={`rounded-lg border bg-white p-4 dark:bg-slate-900 ${
        warn ? "border-amber-300 dark:border-amber-800" : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">{detail}</dd>}
    </div>
  );
}

const PHASE_ORDER = ["Running", "Pending", "Failed", "Succeeded", "Unknown"];

export function SummaryCards({ summary }: { summary: ClusterHealthSummary }) {
  const { nodes, pods, deployments } = summary;
  const totalPods = Object.values(pods.by_phase).reduce((a, b) => a + b, 0);
  const phases = Object.entries(pods.by_phase).sort(
    ([a], [b]) => (PHASE_ORDER.indexOf(a) + 1 || 99) - (PHASE_ORDER.indexOf(b) + 1 || 99),
  );
  return (
    <dl aria-label="Cluster summary" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      <Card
        testId="summary-nodes"
        label="Nodes ready"
        value={`${nodes.ready}/${nodes.total}`}
        warn={nodes.ready < nodes.total}
      />
      <Card
        testId="summary-pods"
        label="Pods"
        value={String(totalPods)}
        detail={[...phases.map(([phase, n]) => `${n} ${phase}`), `${pods.restarting} restarting`].join(" · ")}
        warn={pods.restarting > 0 || (pods.by_phase.Failed ?? 0) > 0 || (pods.by_phase.Pending ?? 0) > 0}
      />
      <Card
        testId="summary-deployments"
        label="Deployments available"
        value={`${deployments.available}/${deployments.total}`}
        warn={deployments.available < deployments.total}
      />
      <Card
        testId="summary-hpas"
        label="HPAs at max"
        value={String(summary.hpas_at_max)}
        warn={summary.hpas_at_max > 0}
      />
      <Card
        testId="summary-quotas"
        label="Quotas near limit"
        value={String(summary.quotas_near_limit)}
        warn={summary.quotas_near_limit > 0}
      />
    </dl>
  );
}
