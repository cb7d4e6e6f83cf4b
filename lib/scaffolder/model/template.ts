import { z } from "zod";
import type { Entity } from "@/lib/catalog/model/types";

export const TEMPLATE_API_VERSIONS = ["scaffolder.backstage.io/v1beta3"] as const;

const stepSchema = z.looseObject({
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  action: z.string().min(1, "action is required"),
  input: z.record(z.string(), z.unknown()).optional(),
  if: z.union([z.string(), z.boolean()]).optional(),
  each: z.unknown().optional(),
});

const templateSchema = z.looseObject({
  apiVersion: z.enum(TEMPLATE_API_VERSIONS, { message: "must be scaffolder.backstage.io/v1beta3" }),
  kind: z.literal("Template", { message: 'must be "Template"' }),
  metadata: z.looseObject({
    name: z.string().min(1),
    namespace: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.looseObject({
    type: z.string().optional(),
    owner: z.string().optional(),
    parameters: z
      .union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))])
      .optional(),
    steps: z.array(stepSchema).default([]),
    output: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type TemplateEntity = z.output<typeof templateSchema>;

export interface TemplateStep {
  id: string;
  name: string;
  action: string;
  input: Record<string, unknown>;
  if?: string | boolean;
  each?: unknown;
}

export interface ParameterPage {
  title: string;
  description?: string;
  schema: Record<string, unknown>;
}

export interface ParsedTemplate {
  entity: TemplateEntity;
  /** `template:namespace/name`, lower-case. */
  ref: string;
  steps: TemplateStep[];
  pages: ParameterPage[];
  output: Record<string, unknown>;
}

export class TemplateInvalidError extends Error {
  constructor(
    message: string,
    readonly fields: { field: string; message: string }[],
  ) {
    super(message);
    this.name = "TemplateInvalidError";
  }
}

/** Backstage's `parameters`: one JSON Schema or an array of pages. */
export function parameterPages(parameters: unknown): ParameterPage[] {
  const list = Array.isArray(parameters) ? parameters : parameters ? [parameters] : [];
  return list.map((raw, i) => {
    const page = (raw ?? {}) as Record<string, unknown>;
    const { title, description, ...rest } = page;
    return {
      title: typeof title === "string" ? title : `Step ${i + 1}`,
      description: typeof description === "string" ? description : undefined,
      schema: { type: "object", ...rest },
    };
  });
}

export function parseTemplate(raw: unknown): ParsedTemplate {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: i.path.map(String).join("."),
      message: i.message,
    }));
    throw new TemplateInvalidError(
      `Invalid template: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`,
      fields,
    );
  }
  const entity = parsed.data;
  const seen = new Set<string>();
  const steps = entity.spec.steps.map((s, i) => {
    const id = s.id ?? `step-${i + 1}`;
    if (seen.has(id))
      throw new TemplateInvalidError(`Duplicate step id "${id}"`, [
        { field: `spec.steps.${i}.id`, message: `duplicate step id "${id}"` },
      ]);
    seen.add(id);
    return { id, name: s.name ?? id, action: s.action, input: s.input ?? {}, if: s.if, each: s.each };
  });
  const ns = entity.metadata.namespace ?? "default";
  return {
    entity,
    ref: `template:${ns}/${entity.metadata.name}`.toLowerCase(),
    steps,
    pages: parameterPages(entity.spec.parameters),
    output: entity.spec.output ?? {},
  };
}

export function parseTemplateEntity(entity: Entity): ParsedTemplate {
  return parseTemplate(entity);
}
