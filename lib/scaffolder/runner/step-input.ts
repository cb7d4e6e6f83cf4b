import type { TemplateContext } from "nunjitsu";
import type { TemplateAction } from "../actions/types";
import { renderInput } from "../engine/renderer";
import type { TemplateStep } from "../model/template";
import type { Redactor } from "./redactor";
import { StepInputError } from "./run-types";

/** Renders a step's input; leaves that reference `secrets` mark their rendered value as secret too. */
export function renderStepInput(raw: unknown, ctx: TemplateContext, redactor: Redactor): unknown {
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

export function iterations(
  step: TemplateStep,
  ctx: TemplateContext,
): { key: string; value: unknown }[] | undefined {
  if (step.each === undefined) return undefined;
  const each = typeof step.each === "string" ? renderInput(step.each, ctx) : renderInput(step.each, ctx);
  if (each === undefined || each === null) return [];
  if (typeof each !== "object")
    throw new Error(`each of step ${step.id} must be an array or object, got ${typeof each}`);
  return Object.entries(each as object).map(([key, value]) => ({ key, value }));
}

/** The rendered input checked against the action's schema; a failure names each field. */
export function parseStepInput(action: TemplateAction, stepAction: string, rendered: unknown): unknown {
  const parsed = action.schema.input.safeParse(rendered);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({
    field: `input.${i.path.map(String).join(".")}`,
    message: i.message,
  }));
  throw new StepInputError(
    `Invalid input to ${stepAction}: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`,
    fields,
  );
}
