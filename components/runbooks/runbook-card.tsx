import Link from "next/link";
import type { RunbookSummary } from "@/lib/runbooks/api-schema";
import { CategoryBadge } from "./category-badge";

export function RunbookCard({ runbook }: { runbook: RunbookSummary }) {
  const isHit = runbook.snippet !== undefined;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          <Link
            href={runbook.url}
            className="text-brand-600 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-500"
          >
            {runbook.title}
          </Link>
        </h2>
        {runbook.score !== undefined && (
          <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
            relevance {Math.round(runbook.score * 100)}%
          </span>
        )}
      </div>
      {isHit && runbook.heading && (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">in {runbook.heading}</p>
      )}
      <p
        className="mt-2 text-sm text-slate-700 dark:text-slate-300"
        data-testid={isHit ? "runbook-snippet" : undefined}
      >
        {isHit ? runbook.snippet : runbook.summary}
      </p>
      <div className="mt-3 flex flex-wrap gap-1.5">
        {runbook.categories.map((c) => (
          <CategoryBadge key={c} category={c} />
        ))}
        {runbook.tags.slice(0, 5).map((t) => (
          <span
            key={t}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-400"
          >
            #{t}
          </span>
        ))}
      </div>
    </li>
  );
}
