import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TemplateContext } from "nunjitsu";
import type { ActionRegistry } from "../actions/registry";
import type { ActionLogger, TemplateInfo } from "../actions/types";
import { evaluateIf, renderInput, TemplateSyntaxError, toTemplateValue } from "../engine/renderer";
import type { ParsedTemplate, TemplateStep } from "../model/template";
import type { ScaffolderServices } from "../services";
import { DEFAULT_WORKSPACE_LIMITS, type WorkspaceLimits, walkFiles } from "../workspace/directory-contents";
import { Redactor } from "./redactor";
import { renderTemplateOutput } from "./render-output";

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

/** Renders a step's input; leaves that reference `secrets` mark their rendered value as secret too. */
function renderStepInput(raw: unknown, ctx: TemplateContext, redactor: Redactor): unknown {
  if (typeof raw === "string") {
    const v = renderInput(raw, ctx);
    if (raw.includes("secrets")) redactor.addDerived(v);
    return v;
  }
  if (Array.isArray(raw)) return raw.map((x) => renderStepInput(x, ctx, redactor));
  if (raw && typeof raw === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const r = renderStepInput(v, ctx, redactor);
      if (r !== undefined)
        Object.defineProperty(out, k, { value: r, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return raw;
}

function iterations(step: TemplateStep, ctx: TemplateContext): { key: string; value: unknown }[] | undefined {
  if (step.each === undefined) return undefined;
  const each = typeof step.each === "string" ? renderInput(step.each, ctx) : renderInput(step.each, ctx);
  if (each === undefined || each === null) return [];
  if (typeof each !== "object")
    throw new Error(`each of step ${step.id} must be an array or object, got ${typeof each}`);
  return Object.entries(each as object).map(([key, value]) => ({ key, value }));
}

/**
 * Executes a template's steps in order (Backstage's NunjucksWorkflowRunner semantics). The same
 * function serves dry-run, the CLI and the durable task worker; persistence lives in hooks.
 */
export async function runTemplate(req: RunRequest): Promise<RunResult> {
  const redactor = new Redactor(req.secrets);
  const memory = new Map<string, unknown>();
  const checkpoints = req.hooks?.checkpoints ?? {
    get: (k: string) => memory.get(k),
    set: (k: string, v: unknown) => void memory.set(k, v),
  };
  const steps: StepRecord[] = req.template.steps.map((s) => ({
    id: s.id,
    name: s.name,
    action: s.action,
    status: "open",
  }));
  const stepOutputs: Record<string, { output: Record<string, unknown> }> = {};
  const log = async (entry: LogEntry) => {
    await req.hooks?.log?.({ ...entry, message: redactor.redact(entry.message) });
  };
  const emitStep = async (r: StepRecord) => {
    await req.hooks?.step?.(redactor.redactDeep({ ...r }));
  };
  const base = {
    parameters: req.values,
    user: req.user,
    context: { task: { id: req.taskId } },
  };
  let failure: { error: string; stepId: string } | undefined;
  let cancelled = false;

  for (const [index, step] of req.template.steps.entries()) {
    const record = steps[index];
    if (failure || cancelled) {
      record.status = cancelled ? "cancelled" : "skipped";
      await emitStep(record);
      continue;
    }
    const previous = req.completed?.[step.id];
    if (previous) {
      record.status = "completed";
      record.output = previous;
      stepOutputs[step.id] = { output: previous };
      await log({
        stepId: step.id,
        level: "info",
        message: `Step ${step.id} already completed; reusing its output`,
      });
      await emitStep(record);
      continue;
    }
    if (req.signal.aborted) {
      cancelled = true;
      record.status = "cancelled";
      await emitStep(record);
      continue;
    }
    record.status = "processing";
    record.startedAt = new Date().toISOString();
    await emitStep(record);
    const output: Record<string, unknown> = {};
    try {
      const ctxNoSecrets = toTemplateValue({ ...base, steps: stepOutputs }) as TemplateContext;
      const its = iterations(step, ctxNoSecrets);
      const runs = its ?? [undefined];
      let ranAny = false;
      for (const it of runs) {
        const ctxIt = toTemplateValue({
          ...base,
          steps: stepOutputs,
          ...(it ? { each: it } : {}),
        }) as TemplateContext;
        if (!evaluateIf(step.if, ctxIt)) {
          await log({
            stepId: step.id,
            level: "info",
            message: `Skipping step ${step.id}${it ? ` (each ${it.key})` : ""}: if is false`,
          });
          continue;
        }
        ranAny = true;
        const action = req.registry.get(step.action);
        if (!action) throw new Error(`Action "${step.action}" is not registered`);
        const inputCtx = toTemplateValue({
          ...base,
          steps: stepOutputs,
          secrets: req.secrets,
          ...(it ? { each: it } : {}),
        }) as TemplateContext;
        const rendered = renderStepInput(step.input, inputCtx, redactor);
        const parsed = action.schema.input.safeParse(rendered);
        if (!parsed.success) {
          const fields = parsed.error.issues.map((i) => ({
            field: `input.${i.path.map(String).join(".")}`,
            message: i.message,
          }));
          throw new StepInputError(
            `Invalid input to ${step.action}: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`,
            fields,
          );
        }
        const emit = (name: string, value: unknown) => {
          if (its) {
            if (!Array.isArray(output[name])) output[name] = [];
            (output[name] as unknown[]).push(value);
          } else output[name] = value;
        };
        if (req.isDryRun && !action.supportsDryRun) {
          await log({
            stepId: step.id,
            level: "info",
            message: `Dry run: skipping ${step.action}, faking its output`,
          });
          for (const [k, v] of Object.entries(action.dryRunOutput?.(parsed.data) ?? {})) emit(k, v);
          continue;
        }
        const logger: ActionLogger = {
          info: (m) => void log({ stepId: step.id, level: "info", message: m }),
          warn: (m) => void log({ stepId: step.id, level: "warn", message: m }),
          error: (m) => void log({ stepId: step.id, level: "error", message: m }),
        };
        await log({ stepId: step.id, level: "info", message: `Beginning step ${step.name}` });
        const temps: string[] = [];
        try {
          await action.handler({
            input: parsed.data,
            workspacePath: req.workspacePath,
            logger,
            output: emit,
            secrets: req.secrets,
            user: req.user,
            isDryRun: req.isDryRun,
            signal: req.signal,
            task: { id: req.taskId },
            templateInfo: req.templateInfo,
            values: req.values,
            services: req.services,
            async checkpoint<T>(key: string, fn: () => Promise<T>): Promise<T> {
              const full = `${step.id}:${it?.key ?? ""}:${key}`;
              const hit = checkpoints.get(full);
              if (hit !== undefined) return hit as T;
              const value = await fn();
              await checkpoints.set(full, value);
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
        await walkFiles(req.workspacePath, req.limits ?? DEFAULT_WORKSPACE_LIMITS);
      }
      record.status = ranAny ? "completed" : "skipped";
      record.output = output;
      stepOutputs[step.id] = { output };
      if (ranAny) await log({ stepId: step.id, level: "info", message: `Finished step ${step.name}` });
    } catch (error) {
      let message = req.signal.aborted ? "Task was cancelled" : (error as Error).message;
      if (error instanceof TemplateSyntaxError && !error.file) {
        // An expression in template.yaml itself: say which step input it was in.
        message = `template.yaml spec.steps[${index}] (${step.id}): ${message}`;
      }
      if (req.signal.aborted) cancelled = true;
      else failure = { error: message, stepId: step.id };
      record.status = req.signal.aborted ? "cancelled" : "failed";
      record.error = redactor.redact(message);
      await log({ stepId: step.id, level: "error", message: `Step ${step.id} ${record.status}: ${message}` });
    }
    record.endedAt = new Date().toISOString();
    await emitStep(record);
  }

  if (cancelled)
    return {
      status: "cancelled",
      steps: redactor.redactDeep(steps),
      output: {},
      error: "Task was cancelled",
    };
  if (failure)
    return {
      status: "failed",
      steps: redactor.redactDeep(steps),
      output: {},
      error: redactor.redact(failure.error),
      failedStepId: failure.stepId,
    };
  const ctx = toTemplateValue({ ...base, steps: stepOutputs }) as TemplateContext;
  const output = redactor.redactDeep(renderTemplateOutput(req.template.output, ctx));
  return { status: "completed", steps: redactor.redactDeep(steps), output };
}
