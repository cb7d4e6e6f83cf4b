import { z } from "zod";
import type { ActionRegistry } from "../actions/registry";
import { ValuesInvalidError } from "../dry-run";
import { TemplateInvalidError } from "../model/template";
import { TaskRequestError } from "../service";
import { TemplateNotFoundError } from "../templates-source/find-template";

/** Backstage clients read `errors`; Portico's convention is `error.details.fields`. Send both. */
export function fieldErrorResponse(
  status: number,
  code: string,
  message: string,
  errors: { field: string; message: string }[],
  requestId?: string,
): Response {
  return Response.json(
    { error: { code, message, details: { fields: errors } }, errors },
    { status, headers: requestId ? { "X-Request-Id": requestId } : undefined },
  );
}

/** Maps the scaffolder's domain errors to 4xx responses; anything else is rethrown. */
export function scaffolderErrorResponse(error: unknown): Response {
  if (error instanceof TaskRequestError)
    return fieldErrorResponse(400, "invalid_request", error.message, error.errors);
  if (error instanceof ValuesInvalidError)
    return fieldErrorResponse(400, "invalid_request", error.message, error.problems);
  if (error instanceof TemplateInvalidError)
    return fieldErrorResponse(
      400,
      "invalid_template",
      error.message,
      error.fields.map((f) => ({ field: `template.${f.field}`, message: f.message })),
    );
  if (error instanceof TemplateNotFoundError)
    return fieldErrorResponse(404, "not_found", error.message, [
      { field: "templateRef", message: "not found" },
    ]);
  throw error;
}

export function describeActions(registry: ActionRegistry) {
  return [...registry.values()].map((a) => ({
    id: a.id,
    description: a.description,
    schema: {
      input: z.toJSONSchema(a.schema.input, { io: "input", unrepresentable: "any" }) as Record<
        string,
        unknown
      >,
      output: a.schema.output
        ? (z.toJSONSchema(a.schema.output, { io: "output", unrepresentable: "any" }) as Record<
            string,
            unknown
          >)
        : undefined,
    },
    examples: a.examples,
    supportsDryRun: a.supportsDryRun,
  }));
}
