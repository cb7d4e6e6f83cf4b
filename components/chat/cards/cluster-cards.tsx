import type { ClusterHealthOutput, ClusterProblem, PodDetailsOutput } from "@/lib/chat/types";
import { Card, Muted, SeverityBadge } from "./card";

function Problems({ problems }: { problems: ClusterProblem[] }) {
  if (problems.length === 0) return <Muted>No problems detected.</Muted>;
  return (
    <ul className="space-y-1">
      {problems.map((p) => (
        <li key={`${p.kind}-${p.namespace}-${p.name}-${p.reason}`} className="flex items-start gap-2">
          <SeverityBadge severity={p.severity} />
          <span>
            <span className="font-medium">
              {p.kind} {p.namespace ? `${p.namespace}/` : ""}
              {p.name}
            </span>
            : {p.reason}. <span className="text-slate-500 dark:text-slate-400">{p.hint}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-slate-100 px-2 py-1 dark:bg-slate-800">
      <p className="text-xs text-slate-500 dark:text-slate-400">{label}</p>
      <p className="font-semibold">{value}</p>
    </div>
  );
}

export function ClusterCard({ output }: { output: ClusterHealthOutput }) {
  if (!output.connected) {
    return (
      <Card testId="cluster-card" title="Cluster health">
        <p>No cluster connected.</p>
        <Muted>Set KUBECONFIG or run Portico inside a cluster to see live health.</Muted>
      </Card>
    );
  }
  const running = output.pods.byPhase.Running ?? 0;
  const pods = Object.values(output.pods.byPhase).reduce((a, b) => a + b, 0);
  return (
    <Card testId="cluster-card" title={`Cluster health · ${output.cluster ?? "current"}`}>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Nodes ready" value={`${output.nodes.ready}/${output.nodes.total}`} />
        <Stat label="Pods running" value={`${running}/${pods}`} />
        <Stat label="Restarting" value={String(output.pods.restarting)} />
        <Stat label="Deployments" value={`${output.deployments.available}/${output.deployments.total}`} />
      </div>
      <Problems problems={output.problems} />
      {output.moreProblems > 0 && <Muted>{output.moreProblems} more problems on the Cluster page.</Muted>}
    </Card>
  );
}

export function PodCard({ output }: { output: PodDetailsOutput }) {
  const title = `Pod ${output.namespace}/${output.name}`;
  if (!output.found) {
    return (
      <Card testId="pod-card" title={title}>
        <Muted>{output.message ?? "Not found."}</Muted>
      </Card>
    );
  }
  return (
    <Card testId="pod-card" title={`${title} · ${output.phase ?? "Unknown"}`}>
      <ul className="space-y-1">
        {output.containers.map((c) => (
          <li key={c.name} className="text-xs">
            <span className="font-medium">{c.name}</span> {c.state}
            {c.reason ? ` (${c.reason})` : ""} · {c.restarts} restarts · {c.ready ? "ready" : "not ready"}
          </li>
        ))}
      </ul>
      <Problems problems={output.problems} />
      {output.events.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs font-medium">
            Recent events ({output.events.length})
          </summary>
          <ul className="mt-1 space-y-1 text-xs">
            {output.events.map((e) => (
              <li key={`${e.reason}-${e.lastSeen}-${e.message}`}>
                <span className={e.type === "Warning" ? "font-semibold text-orange-600" : ""}>
                  {e.reason}
                </span>{" "}
                ×{e.count}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
