import { parseAllDocuments } from "yaml";
import { parseLocationKey } from "@/lib/catalog/ingest/location-target";
import type { CatalogReader } from "@/lib/catalog/ingest/reader";
import { ANNOTATION_LOCATION } from "@/lib/catalog/model/constants";
import type { Entity } from "@/lib/catalog/model/types";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Each parameter page's property names as written in the YAML text of the named Template. */
export function fieldOrderFromYaml(text: string, entity: Entity): string[][] | undefined {
  const namespace = entity.metadata.namespace ?? "default";
  for (const doc of [parseAllDocuments(text)].flat()) {
    const t = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!isObject(t) || t.kind !== "Template" || !isObject(t.metadata)) continue;
    if (t.metadata.name !== entity.metadata.name) continue;
    if ((typeof t.metadata.namespace === "string" ? t.metadata.namespace : "default") !== namespace) continue;
    const params = isObject(t.spec) ? t.spec.parameters : undefined;
    const pages = Array.isArray(params) ? params : params ? [params] : [];
    return pages.map((p) => (isObject(p) && isObject(p.properties) ? Object.keys(p.properties) : []));
  }
  return undefined;
}

/**
 * The order of each parameter page's properties as the author wrote them. The catalog stores entities
 * as jsonb, which reorders object keys (shortest first), so the wizard reads the template's source
 * again — through the catalog's own reader for its location, so file, pasted-YAML and URL templates
 * all work under the same confinement as a refresh. Anything unreadable just means "no order".
 */
export async function sourceFieldOrder(
  entity: Entity,
  readerFor: (spec: ReturnType<typeof parseLocationKey>) => CatalogReader,
): Promise<string[][] | undefined> {
  const loc = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!loc) return undefined;
  try {
    const spec = parseLocationKey(loc);
    return fieldOrderFromYaml(await readerFor(spec).read(spec), entity);
  } catch {
    return undefined;
  }
}
