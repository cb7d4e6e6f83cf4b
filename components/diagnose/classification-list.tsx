import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";

/** The evidence: each matched (redacted) line with its line number, the root-cause lines first. */
export function ClassificationList({
  classifications,
  rootCategory,
}: {
  classifications: DiagnoseResponse["classifications"];
  rootCategory: DiagnoseResponse["category"];
}) {
  if (classifications.length === 0) {
    return (
      <p className="text-sm text-slate-500 dark:text-slate-400">
        No known failure pattern matched. The diagnosis below is general triage advice.
      </p>
    );
  }
  return (
    <ul className="space-y-2">
      {classifications.map((c) => (
        <li key={`${c.pattern_id}-${c.line}`} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{CATEGORY_TITLES[c.category]}</span>
            {c.category === rootCategory && (
              <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-700 dark:bg-slate-800 dark:text-brand-500">
                root cause
              </span>
            )}
            <span className="text-xs text-slate-500 dark:text-slate-400">
              {c.severity} · {c.pattern_id}
            </span>
          </div>
          <div className="mt-1 flex overflow-x-auto rounded border border-slate-200 font-mono text-xs dark:border-slate-700">
            <span className="select-none border-r border-slate-200 bg-slate-50 px-2 py-1 text-right text-slate-500 tabular-nums dark:border-slate-700 dark:bg-slate-900">
              <span className="sr-only">line </span>
              {c.line}
            </span>
            <mark className="flex-1 whitespace-pre bg-yellow-100 px-2 py-1 text-slate-900 dark:bg-yellow-900/50 dark:text-yellow-50">
              {c.excerpt}
            </mark>
          </div>
        </li>
      ))}
    </ul>
  );
}
