import path from "node:path";
import { parseAllDocuments } from "yaml";
import { parseLocationKey } from "@/lib/catalog/ingest/location-target";
import { ANNOTATION_LOCATION } from "@/lib/catalog/model/constants";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import type { CatalogDeps } from "@/lib/catalog/service/catalog-deps";
import type { ActionRegistry } from "../actions/registry";
import { normalizeTemplateRef, TemplateNotFoundError } from "../templates-source/find-template";
import { templateSourceReader } from "../templates-source/source-reader";
import { lintRegisteredTemplate } from "./lint-registered-template";
import type { LintWarning } from "./lint-template";

/**
 * Lints a template as the catalog has it now (the API's `…/lint`): the same checks as at registration,
 * against the current action registry, with line numbers from its source file when that is readable.
 */
export async function lintCatalogTemplate(
  deps: CatalogDeps,
  registry: ActionRegistry,
  ref: string,
): Promise<{ entityRef: string; warnings: LintWarning[] }> {
  const key = normalizeTemplateRef(ref);
  const entity = key.startsWith("template:") ? await getEntityByRef(deps.db, key) : undefined;
  if (!entity || entity.kind !== "Template") throw new TemplateNotFoundError(ref);
  const loc = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  let yamlText: string | undefined;
  let baseDir: string | undefined;
  let documentIndex: number | undefined;
  if (loc) {
    try {
      const spec = parseLocationKey(loc);
      yamlText = await templateSourceReader(deps)(spec).read(spec);
      if (spec.type === "file") baseDir = path.dirname(spec.target);
      documentIndex = documentIndexOf(yamlText, entity.metadata.name);
    } catch {
      // Unreadable source: lint without line numbers.
    }
  }
  const warnings = await lintRegisteredTemplate({ entity, registry, yamlText, documentIndex, baseDir });
  return { entityRef: key, warnings };
}

/** Which `---` document of the file holds the template (line numbers are per file). */
function documentIndexOf(text: string, name: string): number | undefined {
  const docs = [parseAllDocuments(text)].flat();
  const i = docs.findIndex((d) => {
    const js = d.toJS({ maxAliasCount: 100 }) as { kind?: unknown; metadata?: { name?: unknown } } | null;
    return js?.kind === "Template" && js.metadata?.name === name;
  });
  return i === -1 ? undefined : i;
}
