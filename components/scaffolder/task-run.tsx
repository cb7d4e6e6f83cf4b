"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { cancelTask, fetchTask, retryTask } from "./api";
import { parseEntityRef } from "./entity-ref";
import { OutputView } from "./output-view";
import { foldTask, formatDuration, isFinal, type StepView } from "./task-state";
import type { TaskStatus } from "./types";
import { alertClass, dangerButton, panelClass, primaryButton, secondaryButton } from "./ui";
import { useTaskEvents } from "./use-task-events";

const STATUS_STYLE: Record<TaskStatus, string> = {
  open: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
  processing: "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100",
  completed: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-rose-50 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
  cancelled: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  skipped: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400",
};

const STATUS_ICON: Record<TaskStatus, string> = {
  open: "○",
  processing: "◔",
  completed: "✓",
  failed: "✕",
  cancelled: "■",
  skipped: "–",
};

function StatusBadge({ status }: { status: TaskStatus }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}
    >
      <span aria-hidden>{STATUS_ICON[status]}</span>
      {status}
    </span>
  );
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function stepDuration(step: StepView, now: number): string | undefined {
  if (!step.startedAt) return undefined;
  const start = Date.parse(step.startedAt);
  const end = step.endedAt ? Date.parse(step.endedAt) : step.status === "processing" ? now : undefined;
  return end === undefined ? undefined : formatDuration(end - start);
}

/** /create/tasks/:id — step states, progress, the live log, the output, and Cancel / Retry / Start over. */
export function TaskRun({ taskId }: { taskId: string }) {
  const queryClient = useQueryClient();
  const task = useQuery({
    queryKey: ["scaffolder", "task", taskId],
    queryFn: ({ signal }) => fetchTask(taskId, signal),
    retry: false,
    staleTime: 0,
  });
  const { events, connected, restart } = useTaskEvents(taskId);
  const view = useMemo(() => foldTask(task.data, events), [task.data, events]);
  const running = !isFinal(view.status);
  const now = useNow(running);
  const [stepFilter, setStepFilter] = useState<string | null>(null);
  const logRef = useRef<HTMLPreElement>(null);

  // The task record carries the final output and timestamps; fetch it again when the run ends.
  const finalCount = events.filter((e) => e.type === "completion" || e.type === "cancelled").length;
  useEffect(() => {
    if (finalCount > 0) void queryClient.invalidateQueries({ queryKey: ["scaffolder", "task", taskId] });
  }, [finalCount, queryClient, taskId]);

  const cancel = useMutation({ mutationFn: () => cancelTask(taskId) });
  const retry = useMutation({
    mutationFn: () => retryTask(taskId),
    onSuccess: () => {
      restart();
      void queryClient.invalidateQueries({ queryKey: ["scaffolder", "task", taskId] });
    },
  });

  const logLines = events
    .filter((e) => e.type === "log" && e.body.message && (!stepFilter || e.body.stepId === stepFilter))
    .map(
      (e) =>
        `${new Date(e.createdAt).toLocaleTimeString("en-GB")} ${e.body.stepId ? `[${e.body.stepId}] ` : ""}${e.body.message}`,
    );

  // Keep the newest line in view while the log grows, unless the reader scrolled up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a line arrives.
  useEffect(() => {
    const el = logRef.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [logLines.length]);

  if (task.isError) {
    return (
      <p role="alert" className={alertClass}>
        Could not load task {taskId}: {(task.error as Error).message}
      </p>
    );
  }

  const total = view.steps.length;
  // Only completed steps count as progress; a finished run is 100% whatever it skipped.
  const done = view.steps.filter((s) => s.status === "completed").length;
  const percent = view.status === "completed" ? 100 : total ? Math.round((done / total) * 100) : 0;
  const output = view.output ?? task.data?.output;
  const hasOutput = !!(output?.links?.length || output?.text?.length);
  const templateRef = task.data?.spec.templateInfo?.entityRef;
  const template = templateRef ? parseEntityRef(templateRef, { defaultKind: "template" }) : undefined;
  const startOverHref = template
    ? `/create/templates/${encodeURIComponent(template.namespace)}/${encodeURIComponent(template.name)}?${new URLSearchParams(
        {
          formData: JSON.stringify(task.data?.spec.parameters ?? {}),
        },
      )}`
    : "/create";
  const failedStep = view.steps.find((s) => s.status === "failed");

  return (
    <div className="space-y-6" data-task-status={view.status}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2 text-sm">
          <span className="text-slate-500">Status</span>
          <span role="status" aria-live="polite" data-testid="task-status">
            <StatusBadge status={view.status} />
          </span>
          <span className="text-xs text-slate-400">
            {connected ? "live" : running ? "reconnecting…" : ""}
          </span>
        </div>
        <div className="flex flex-wrap gap-2">
          {running && (
            <button
              type="button"
              className={dangerButton}
              onClick={() => cancel.mutate()}
              disabled={cancel.isPending}
            >
              {cancel.isPending ? "Cancelling…" : "Cancel"}
            </button>
          )}
          {(view.status === "failed" || view.status === "cancelled") && (
            <button
              type="button"
              className={primaryButton}
              onClick={() => retry.mutate()}
              disabled={retry.isPending}
            >
              {retry.isPending ? "Retrying…" : failedStep ? `Retry from “${failedStep.name}”` : "Retry"}
            </button>
          )}
          <Link href={startOverHref} className={secondaryButton}>
            Start over
          </Link>
        </div>
      </div>
      {(cancel.isError || retry.isError) && (
        <p role="alert" className={alertClass}>
          {((cancel.error ?? retry.error) as Error).message}
        </p>
      )}
      {view.error && view.status === "failed" && (
        <p role="alert" className={alertClass}>
          {view.error}
        </p>
      )}
      <div>
        <div
          role="progressbar"
          aria-label="Task progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className={`h-full transition-all ${view.status === "failed" ? "bg-rose-500" : view.status === "cancelled" ? "bg-amber-500" : "bg-brand-600"}`}
            style={{ width: `${percent}%` }}
          />
        </div>
        <p className="mt-1 text-xs text-slate-500">
          {done} of {total} steps completed
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <section aria-labelledby="steps-title" className={panelClass}>
          <h2 id="steps-title" className="mb-2 text-sm font-semibold">
            Steps
          </h2>
          <ol className="space-y-1">
            {view.steps.map((s) => (
              <li key={s.id} data-step-id={s.id} data-step-status={s.status}>
                <button
                  type="button"
                  onClick={() => setStepFilter((f) => (f === s.id ? null : s.id))}
                  aria-pressed={stepFilter === s.id}
                  className={`flex w-full items-center justify-between gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-50 dark:hover:bg-slate-800 ${stepFilter === s.id ? "bg-slate-100 dark:bg-slate-800" : ""}`}
                >
                  <span className="min-w-0">
                    <span className="block font-medium break-words">{s.name}</span>
                    <span className="text-xs text-slate-500">{stepDuration(s, now) ?? "\u00a0"}</span>
                  </span>
                  <StatusBadge status={s.status} />
                </button>
              </li>
            ))}
            {view.steps.length === 0 && (
              <li className="text-sm text-slate-500">Waiting for the first step…</li>
            )}
          </ol>
        </section>
        <section aria-labelledby="log-title" className="min-w-0">
          <div className="mb-2 flex items-center justify-between">
            <h2 id="log-title" className="text-sm font-semibold">
              Log{stepFilter ? ` · ${view.steps.find((s) => s.id === stepFilter)?.name ?? stepFilter}` : ""}
            </h2>
            {stepFilter && (
              <button
                type="button"
                className="text-xs text-brand-700 hover:underline"
                onClick={() => setStepFilter(null)}
              >
                Show all steps
              </button>
            )}
          </div>
          <pre
            ref={logRef}
            data-testid="task-log"
            className="h-96 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-100"
          >
            {logLines.length ? logLines.join("\n") : "Waiting for log lines…"}
          </pre>
        </section>
      </div>
      {(view.status === "completed" || hasOutput) && (
        <section aria-labelledby="output-title" className={panelClass}>
          <h2 id="output-title" className="mb-3 text-sm font-semibold">
            Output
          </h2>
          <OutputView output={output} />
        </section>
      )}
    </div>
  );
}
