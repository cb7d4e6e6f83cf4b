"use client";

import { fieldSchemas, reviewRows } from "../review-rows";
import type { PreparedStep } from "./step-form";

/** The review page: each form page's values as a definition list, honouring ui:backstage.review. */
export function ReviewValues({
  steps,
  formData,
  onEdit,
}: {
  steps: PreparedStep[];
  formData: Record<string, unknown>;
  onEdit: (index: number) => void;
}) {
  return (
    <div className="space-y-4">
      {steps.map((step, i) => {
        const listed = reviewRows(step.schema, step.uiSchema, formData).filter(
          // A field shown by an earlier page is not listed again.
          (r) => !steps.slice(0, i).some((s) => fieldSchemas(s.schema).has(r.key.split(".")[0])),
        );
        return (
          <section
            key={step.title}
            aria-labelledby={`review-${i}`}
            className="rounded-lg border border-slate-200 dark:border-slate-800"
          >
            <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2 dark:border-slate-800">
              <h3 id={`review-${i}`} className="text-sm font-semibold">
                {step.title}
              </h3>
              <button
                type="button"
                onClick={() => onEdit(i)}
                className="text-xs font-medium text-brand-700 hover:underline dark:text-brand-500"
              >
                Edit<span className="sr-only"> {step.title}</span>
              </button>
            </header>
            {listed.length === 0 ? (
              <p className="px-4 py-3 text-sm text-slate-500">Nothing to review on this page.</p>
            ) : (
              <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {listed.map((r) => (
                  <div key={r.key} className="grid grid-cols-3 gap-3 px-4 py-2" data-review-key={r.key}>
                    <dt className="text-slate-500 dark:text-slate-400">{r.label}</dt>
                    <dd className={`col-span-2 break-words ${r.masked ? "font-mono tracking-widest" : ""}`}>
                      {r.value || <span className="text-slate-400">—</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </div>
  );
}
