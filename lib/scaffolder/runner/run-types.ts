import type { ActionRegistry } from "../actions/registry";
import type { TemplateInfo } from "../actions/types";
import type { ParsedTemplate } from "../model/template";
import type { ScaffolderServices } from "../services";
import type { WorkspaceLimits } from "../workspace/directory-contents";

// The runner's contract with its callers (dry-run, CLI, durable worker), apart from the loop
// itself so that persistence code can import the shapes without the engine.

export type StepStatus = "open" | "processing" | "completed" | "failed" | "skipped" | "cancelled";

export interface StepRecord {
  id: string;
  name: string;
  action: string;
  status: StepStatus;
  startedAt?: string;
  endedAt?: string;
  output?: Record<string, unknown>;
  error?: string;
}

export interface LogEntry {
  stepId?: string;
  level: "info" | "warn" | "error";
  message: string;
}

export interface RunHooks {
  log?(entry: LogEntry): void | Promise<void>;
  step?(record: StepRecord): void | Promise<void>;
  /** Durable checkpoint store; defaults to memory. */
  checkpoints?: { get(key: string): unknown; set(key: string, value: unknown): Promise<void> | void };
}

export interface RunRequest {
  template: ParsedTemplate;
  values: Record<string, unknown>;
  secrets: Record<string, string>;
  user: { ref: string; entity?: Record<string, unknown> };
  taskId: string;
  workspacePath: string;
  templateInfo: TemplateInfo;
  registry: ActionRegistry;
  services: ScaffolderServices;
  isDryRun: boolean;
  signal: AbortSignal;
  /** Steps already completed by an earlier attempt (resume/retry): skipped, outputs reused. */
  completed?: Record<string, Record<string, unknown>>;
  limits?: WorkspaceLimits;
  hooks?: RunHooks;
}

export interface RunResult {
  status: "completed" | "failed" | "cancelled";
  steps: StepRecord[];
  output: Record<string, unknown>;
  error?: string;
  failedStepId?: string;
}

export class StepInputError extends Error {
  constructor(
    message: string,
    readonly fields: { field: string; message: string }[],
  ) {
    super(message);
    this.name = "StepInputError";
  }
}
