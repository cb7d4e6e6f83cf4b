"use client";

import { useMutation } from "@tanstack/react-query";
import { dryRun } from "./api";
import { DryRunPreview } from "./dry-run-preview";
import type { DryRunFile } from "./types";
import { alertClass, secondaryButton } from "./ui";

/** "Preview (dry run)": renders the template with the current values, publishing faked, nothing stored. */
export function DryRunPanel({
  getRequest,
  disabled,
}: {
  getRequest: () => Promise<{
    template: unknown;
    templateRef?: string;
    values: Record<string, unknown>;
    secrets: Record<string, string>;
    directoryContents: DryRunFile[];
  }>;
  disabled?: boolean;
}) {
  const run = useMutation({ mutationFn: async () => dryRun(await getRequest()) });
  return (
    <section
      aria-labelledby="dry-run-title"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id="dry-run-title" className="text-base font-semibold">
            Preview
          </h3>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            A dry run renders every file and runs each step with publishing faked. Nothing is created.
          </p>
        </div>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => run.mutate()}
          disabled={disabled || run.isPending}
        >
          {run.isPending ? "Running dry run…" : run.data ? "Run dry run again" : "Dry run"}
        </button>
      </div>
      <div className="mt-4" aria-live="polite" aria-busy={run.isPending}>
        {run.isError && (
          <p role="alert" className={alertClass}>
            Dry run failed: {(run.error as Error).message}
          </p>
        )}
        {run.data && <DryRunPreview result={run.data} />}
      </div>
    </section>
  );
}
