import path from "node:path";
import type { Entity } from "../model/types";
import type { IngestProblem, LocationSpec } from "./types";

/**
 * Scaffolder lint for `kind: Template` documents, run wherever a location tree is read (register,
 * dry-run register, refresh), so a template's problems are reported when it enters the catalog rather
 * than at step 4 of a run. They are stored with the location's other problems (code TEMPLATE_LINT),
 * come back in the register response and show on the entity page; the entity itself is still stored.
 * The scaffolder is imported lazily: most catalog files hold no template.
 */
export async function lintTemplateDocument(
  entity: Entity,
  ctx: { spec: LocationSpec; text: string; documentIndex: number; ref: string },
): Promise<IngestProblem[]> {
  if (entity.kind !== "Template") return [];
  const key = `${ctx.spec.type}:${ctx.spec.target}`;
  const baseDir = ctx.spec.type === "file" ? path.dirname(ctx.spec.target) : undefined;
  try {
    const [{ lintRegisteredTemplate }, { scaffolderRegistry }] = await Promise.all([
      import("@/lib/scaffolder/lint/lint-registered-template"),
      import("@/lib/scaffolder/service"),
    ]);
    const warnings = await lintRegisteredTemplate({
      entity,
      registry: scaffolderRegistry(),
      yamlText: ctx.text,
      documentIndex: ctx.documentIndex,
      baseDir,
    });
    return warnings.map((w) => ({
      code: "TEMPLATE_LINT" as const,
      message: `${w.severity} ${w.code}${w.stepId ? ` (step ${w.stepId})` : ""}: ${w.message}`,
      file: w.file === "template.yaml" || !baseDir ? key : `file:${path.join(baseDir, w.file)}`,
      documentIndex: ctx.documentIndex,
      line: w.line,
      column: w.column,
      entityRef: ctx.ref,
    }));
  } catch (error) {
    return [
      {
        code: "TEMPLATE_LINT",
        message: `Template lint failed: ${(error as Error).message}`,
        file: key,
        documentIndex: ctx.documentIndex,
        entityRef: ctx.ref,
      },
    ];
  }
}
