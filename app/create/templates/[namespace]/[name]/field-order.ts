import { readFile, stat } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import { ANNOTATION_LOCATION } from "@/lib/catalog/model/constants";
import type { Entity } from "@/lib/catalog/model/types";

const MAX_BYTES = 1024 * 1024;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The order of each parameter page's properties as written in template.yaml. The catalog stores entities
 * as jsonb, which reorders object keys (shortest first), so without this the wizard would not show fields
 * in the author's order. Only templates registered from a file location can be read back; the catalog
 * admits those only under its allowed roots. Anything unreadable just means "no order".
 */
export async function sourceFieldOrder(entity: Entity): Promise<string[][] | undefined> {
  const loc = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!loc?.startsWith("file:")) return undefined;
  const file = loc.slice("file:".length);
  try {
    if ((await stat(file)).size > MAX_BYTES) return undefined;
    const docs = parseAllDocuments(await readFile(file, "utf8"));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      const t = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (!isObject(t) || t.kind !== "Template" || !isObject(t.metadata)) continue;
      if (t.metadata.name !== entity.metadata.name) continue;
      const params = isObject(t.spec) ? t.spec.parameters : undefined;
      const pages = Array.isArray(params) ? params : params ? [params] : [];
      return pages.map((p) => (isObject(p) && isObject(p.properties) ? Object.keys(p.properties) : []));
    }
  } catch {
    return undefined;
  }
  return undefined;
}
