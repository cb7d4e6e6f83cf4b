import type { KubernetesMode } from "@/lib/config/server-config";
import type { ResourceError } from "@/lib/k8s/types";

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-xs dark:bg-slate-800";

/**
 * Shown instead of errors when no cluster is configured (mode "none") or the
 * configured one cannot be reached, with what to set up in either case.
 */
export function NoCluster({
  mode,
  cluster,
  errors = [],
}: {
  mode: KubernetesMode;
  cluster?: string | null;
  errors?: ResourceError[];
}) {
  const configured = mode !== "none";
  return (
    <section
      aria-labelledby="no-cluster-heading"
      className="rounded-lg border border-dashed border-slate-300 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="no-cluster-heading" className="text-lg font-semibold">
        {configured ? "Cluster unreachable" : "No cluster connected"}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {configured
          ? `Portico is configured for ${mode === "in-cluster" ? "its in-cluster service account" : "a kubeconfig"}${
              cluster ? ` (cluster ${cluster})` : ""
            }, but the API server did not answer.`
          : "Portico reads cluster health with read-only list/get calls. Connect a cluster in one of two ways:"}
      </p>
      {errors.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-300">
          {errors.map((e) => (
            <li key={`${e.resource}:${e.message}`}>
              <span className="font-mono">{e.resource}</span>: {e.message}
            </li>
          ))}
        </ul>
      )}
      <ol className="mt-4 list-decimal space-y-3 pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>
          <span className="font-medium">Kubeconfig:</span> start Portico with{" "}
          <code className={code}>KUBECONFIG=/path/to/kubeconfig npm start</code>. The current context is used;
          a user that may only <code className={code}>get</code>/<code className={code}>list</code> is enough.
        </li>
        <li>
          <span className="font-medium">In-cluster:</span> run Portico as a pod. It uses the mounted service
          account token (<code className={code}>KUBERNETES_SERVICE_HOST</code> is set by Kubernetes); bind
          that account to a read-only ClusterRole covering pods, events, nodes, deployments, HPAs, quotas,
          services, endpoint slices, PVCs, jobs, cron jobs and ingresses.
        </li>
      </ol>
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
        Each API call times out after <code className={code}>PORTICO_K8S_TIMEOUT_MS</code> (default 5000 ms).
      </p>
    </section>
  );
}
