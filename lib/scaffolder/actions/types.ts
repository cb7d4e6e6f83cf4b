import type { z } from "zod";
import type { ScaffolderServices } from "../services";

export interface ActionLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Where the running template came from: relative `fetch:*` URLs resolve against it. */
export interface TemplateInfo {
  /** Absolute local folder holding template.yaml (file locations, dry-run uploads). */
  baseDir?: string;
  /** The template.yaml's URL when it was registered from a repository URL (no local folder). */
  baseUrl?: string;
  /** `template:ns/name` and its version (metadata etag / commit), recorded on created entities. */
  entityRef?: string;
  version?: string;
}

export interface ActionContext<I> {
  input: I;
  workspacePath: string;
  logger: ActionLogger;
  output(name: string, value: unknown): void;
  secrets: Readonly<Record<string, string>>;
  user: { ref: string; entity?: Record<string, unknown> };
  isDryRun: boolean;
  signal: AbortSignal;
  task: { id: string };
  templateInfo: TemplateInfo;
  /** Parameters the task was started with (no secrets), for recording on created entities. */
  values: Readonly<Record<string, unknown>>;
  /** Runs `fn` once per task: a retried or resumed task gets the stored result. */
  checkpoint<T>(key: string, fn: () => Promise<T>): Promise<T>;
  createTemporaryDirectory(): Promise<string>;
  services: ScaffolderServices;
}

export interface ActionExample {
  description: string;
  /** YAML of one step using the action. */
  example: string;
}

export interface TemplateAction<I = unknown> {
  id: string;
  description: string;
  schema: { input: z.ZodType<I>; output?: z.ZodType };
  examples: ActionExample[];
  supportsDryRun: boolean;
  /** Outputs to fake in dry-run for an action that does not support it. */
  dryRunOutput?: (input: I) => Record<string, unknown>;
  handler(ctx: ActionContext<I>): Promise<void>;
}

export function createTemplateAction<S extends z.ZodType>(
  action: Omit<TemplateAction<z.output<S>>, "schema"> & { schema: { input: S; output?: z.ZodType } },
): TemplateAction {
  return action as unknown as TemplateAction;
}
