import type { ReadinessReport } from "@/lib/health/readiness";

function Pill({ ok, neutral, children }: { ok: boolean; neutral?: boolean; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${
        neutral
          ? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"
          : ok
            ? "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
            : "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
      }`}
    >
      <span
        className={`size-1.5 rounded-full ${neutral ? "bg-slate-400" : ok ? "bg-emerald-500" : "bg-red-500"}`}
        aria-hidden
      />
      {children}
    </span>
  );
}

export function StatusPanel({ report }: { report: ReadinessReport }) {
  const { database, vector_store, ai, kubernetes } = report.checks;
  return (
    <section
      aria-labelledby="status-heading"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="status-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        Platform status
      </h2>
      <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-500">Database</dt>
          <dd className="mt-1">
            <Pill ok={database.status === "up"}>
              {database.status === "up" ? "up" : "down"}
              {database.embedded ? " · embedded" : ""}
            </Pill>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Vector store</dt>
          <dd className="mt-1">
            <Pill ok={vector_store.status === "up"}>
              {vector_store.status}
              {vector_store.embedded ? " · embedded" : ""}
            </Pill>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">AI</dt>
          <dd className="mt-1">
            <Pill ok>
              {ai.mode === "gemini"
                ? `Gemini · ${ai.model}`
                : ai.mode === "openai-compatible"
                  ? `local model · ${ai.model}`
                  : "offline mode"}
            </Pill>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Kubernetes</dt>
          <dd className="mt-1">
            <Pill ok neutral={kubernetes.mode === "none"}>
              {kubernetes.mode === "none" ? "no cluster connected" : kubernetes.mode}
            </Pill>
          </dd>
        </div>
      </dl>
    </section>
  );
}
