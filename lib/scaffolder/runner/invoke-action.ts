import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ActionLogger, TemplateAction } from "../actions/types";
import type { LogEntry, RunHooks, RunRequest } from "./run-types";

type Checkpoints = NonNullable<RunHooks["checkpoints"]>;

export interface Invocation {
  req: RunRequest;
  action: TemplateAction;
  stepId: string;
  /** The `each` key of this iteration, part of every checkpoint key. */
  iterationKey?: string;
  input: unknown;
  emit(name: string, value: unknown): void;
  log(entry: LogEntry): Promise<void>;
  checkpoints: Checkpoints;
}

/** Runs one action handler with the context Backstage gives actions. */
export async function invokeAction(inv: Invocation): Promise<void> {
  const { req, stepId } = inv;
  const logger: ActionLogger = {
    info: (m) => void inv.log({ stepId, level: "info", message: m }),
    warn: (m) => void inv.log({ stepId, level: "warn", message: m }),
    error: (m) => void inv.log({ stepId, level: "error", message: m }),
  };
  const temps: string[] = [];
  try {
    await inv.action.handler({
      input: inv.input,
      workspacePath: req.workspacePath,
      logger,
      output: inv.emit,
      secrets: req.secrets,
      user: req.user,
      isDryRun: req.isDryRun,
      signal: req.signal,
      task: { id: req.taskId },
      templateInfo: req.templateInfo,
      values: req.values,
      services: req.services,
      async checkpoint<T>(key: string, fn: () => Promise<T>): Promise<T> {
        const full = `${stepId}:${inv.iterationKey ?? ""}:${key}`;
        const hit = inv.checkpoints.get(full);
        if (hit !== undefined) return hit as T;
        const value = await fn();
        await inv.checkpoints.set(full, value);
        return value;
      },
      createTemporaryDirectory: async () => {
        const dir = await mkdtemp(path.join(tmpdir(), "portico-step-"));
        temps.push(dir);
        return dir;
      },
    });
  } finally {
    // Fetched checkouts and other scratch space never outlive the step.
    await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
  }
}
