import type { ScaffolderTask, TaskEvent, TaskOutput, TaskStatus, TaskStepState } from "./types";

export interface StepView {
  id: string;
  name: string;
  status: TaskStatus;
  startedAt?: string;
  endedAt?: string;
}

export interface TaskView {
  status: TaskStatus;
  steps: StepView[];
  output?: TaskOutput;
  error?: string;
  completedSteps: number;
}

const FINAL: TaskStatus[] = ["completed", "failed", "cancelled", "skipped"];

export function isFinal(status: TaskStatus): boolean {
  return FINAL.includes(status);
}

/**
 * Folds the task record and its events into what the run page shows. Step states travel in `log`
 * events (`body.stepId` + `body.status`) the way Backstage's task broker sends them; the task's own
 * `steps` (if the server reports them) seed the list, and the last event wins. A `recovered` event
 * (another worker resumed it) returns the task to processing; a `retry` event also reopens the steps that
 * failed, were cancelled or skipped, since the run continues from the failed step.
 */
export function foldTask(task: ScaffolderTask | undefined, events: TaskEvent[]): TaskView {
  const specSteps = task?.spec.steps ?? [];
  const steps = new Map<string, StepView>();
  for (const s of specSteps) steps.set(s.id, { id: s.id, name: s.name ?? s.id, status: "open" });
  for (const s of (task?.steps ?? []) as TaskStepState[]) {
    const prev = steps.get(s.id);
    steps.set(s.id, { ...prev, ...s, name: s.name ?? prev?.name ?? s.id });
  }
  let status: TaskStatus = task?.status ?? "open";
  let output: TaskOutput | undefined = task?.output ?? undefined;
  let error: string | undefined = task?.status === "failed" ? (task.error ?? undefined) : undefined;
  for (const event of events) {
    const { stepId, status: stepStatus } = event.body;
    if (event.type === "log" && stepId && stepStatus) {
      const prev = steps.get(stepId) ?? { id: stepId, name: stepId, status: "open" as TaskStatus };
      const next: StepView = { ...prev, status: stepStatus };
      if (stepStatus === "processing") {
        next.startedAt = event.createdAt;
        next.endedAt = undefined;
      } else if (isFinal(stepStatus)) {
        next.startedAt ??= event.createdAt;
        next.endedAt = event.createdAt;
      }
      steps.set(stepId, next);
      if (status === "open") status = "processing";
    } else if (event.type === "completion") {
      status = (event.body.status as TaskStatus | undefined) ?? (event.body.error ? "failed" : "completed");
      if (event.body.output) output = event.body.output;
      if (event.body.error?.message) error = event.body.error.message;
      else if (status === "failed" && event.body.message) error = event.body.message;
    } else if (event.type === "cancelled") {
      status = "cancelled";
    } else if (event.type === "recovered") {
      status = "processing";
    } else if (event.type === "retry") {
      status = "open";
      error = undefined;
      for (const [id, s] of steps) {
        if (s.status === "failed" || s.status === "cancelled" || s.status === "skipped")
          steps.set(id, { ...s, status: "open", startedAt: undefined, endedAt: undefined });
      }
    }
  }
  // A finished task leaves no step spinning.
  if (isFinal(status)) {
    for (const [id, s] of steps) {
      if (s.status === "processing")
        steps.set(id, { ...s, status: status === "completed" ? "completed" : status });
    }
  }
  const list = [...steps.values()];
  return {
    status,
    steps: list,
    output,
    error,
    completedSteps: list.filter((s) => s.status === "completed" || s.status === "skipped").length,
  };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s % 60)} s`;
}
