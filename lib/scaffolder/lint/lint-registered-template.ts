import type { ActionRegistry } from "../actions/registry";
import { parseTemplate, TemplateInvalidError } from "../model/template";
import { type LintWarning, lintTemplate, templateLocator } from "./lint-template";
import { lintSkeletonOutputs } from "./skeleton-outputs";

/**
 * Lint for a Template entity as it enters (or is refreshed in) the catalog: no values exist yet, so
 * this is everything that can be judged statically — the shape, unknown actions, literal inputs that fail
 * an action's schema, undefined variables in template.yaml and the skeleton (file and line), and skeleton
 * catalog-info.yaml / JSON files that cannot parse. `baseDir` is known only for file locations; remote
 * templates get the template.yaml checks alone.
 */
export async function lintRegisteredTemplate(options: {
  entity: unknown;
  registry: ActionRegistry;
  /** The whole file the entity came from, for line numbers. */
  yamlText?: string;
  documentIndex?: number;
  baseDir?: string;
}): Promise<LintWarning[]> {
  let template: ReturnType<typeof parseTemplate>;
  try {
    template = parseTemplate(options.entity);
  } catch (error) {
    if (!(error instanceof TemplateInvalidError)) throw error;
    const at = templateLocator(options.yamlText, options.documentIndex);
    return error.fields.map((f) => ({
      severity: "error" as const,
      code: "invalid_template" as const,
      message: `${f.field}: ${f.message}`,
      file: "template.yaml",
      ...at(f.field.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k))),
    }));
  }
  const out = await lintTemplate({
    template,
    registry: options.registry,
    templateYaml: options.yamlText,
    documentIndex: options.documentIndex,
    baseDir: options.baseDir,
  });
  if (options.baseDir) {
    for (const step of template.steps) {
      if (step.action !== "fetch:template" || !options.registry.has(step.action)) continue;
      out.push(...(await lintSkeletonOutputs(options.baseDir, step.input, step.id)));
    }
  }
  return out;
}
