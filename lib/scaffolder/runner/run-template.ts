import type { TemplateContext } from "nunjitsu";
import { evaluateIf, TemplateSyntaxError, toTemplateValue } from "../engine/renderer";
import { DEFAULT_WORKSPACE_LIMITS, walkFiles } from "../workspace/directory-contents";
import { invokeAction } from "./invoke-action";
import { Redactor } from "./redactor";
import { renderTemplateOutput } from "./render-output";
import type { LogEntry, RunRequest, RunResult, StepRecord } from "./run-types";
import { iterations, parseStepInput, renderStepInput } from "./step-input";

export * from "./run-types";

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
        const input = parseStepInput(action, step.action, rendered);
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
          for (const [k, v] of Object.entries(action.dryRunOutput?.(input) ?? {})) emit(k, v);
          continue;
        }
        await log({ stepId: step.id, level: "info", message: `Beginning step ${step.name}` });
        await invokeAction({
          req,
          action,
          stepId: step.id,
          iterationKey: it?.key,
          input,
          emit,
          log,
          checkpoints,
        });
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
