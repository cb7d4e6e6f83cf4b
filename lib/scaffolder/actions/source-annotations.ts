import { readFile, writeFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import { safeWorkspacePath } from "../workspace/safe-path";
import type { TemplateInfo } from "./types";

export const SOURCE_TEMPLATE_ANNOTATION = "backstage.io/source-template";
export const SOURCE_TEMPLATE_VERSION_ANNOTATION = "portico.dev/source-template-version";
export const SOURCE_TEMPLATE_VALUES_ANNOTATION = "portico.dev/source-template-values";
const MAX_VALUES_ANNOTATION = 8 * 1024;

/** The annotations a created entity carries: template ref, its version, the values (never secrets). */
export function sourceAnnotations(
  info: TemplateInfo,
  values: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (info.entityRef) out[SOURCE_TEMPLATE_ANNOTATION] = info.entityRef;
  if (info.version) out[SOURCE_TEMPLATE_VERSION_ANNOTATION] = info.version;
  const json = JSON.stringify(values);
  if (json.length <= MAX_VALUES_ANNOTATION) out[SOURCE_TEMPLATE_VALUES_ANNOTATION] = json;
  return out;
}

export function annotateEntity(entity: Record<string, unknown>, annotations: Record<string, string>): void {
  if (!entity.metadata || typeof entity.metadata !== "object") entity.metadata = {};
  const metadata = entity.metadata as Record<string, unknown>;
  const existing = (metadata.annotations ?? {}) as Record<string, string>;
  metadata.annotations = { ...existing, ...annotations };
}

/**
 * Adds the source-template annotations to each entity in the workspace's catalog-info file
 * before it is published, keeping comments and layout (yaml's Document API).
 */
export async function annotateCatalogInfoFile(
  workspace: string,
  file: string,
  annotations: Record<string, string>,
): Promise<boolean> {
  if (Object.keys(annotations).length === 0) return false;
  let abs: string;
  let text: string;
  try {
    abs = await safeWorkspacePath(workspace, file, "catalog-info path");
    text = await readFile(abs, "utf8");
  } catch {
    return false;
  }
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  let changed = false;
  for (const doc of list) {
    if (doc.errors.length > 0) return false;
    const kind = doc.get("kind");
    if (typeof kind !== "string" || kind === "Location") continue;
    for (const [k, v] of Object.entries(annotations)) {
      if (!doc.hasIn(["metadata", "annotations", k])) {
        doc.setIn(["metadata", "annotations", k], v);
        changed = true;
      }
    }
  }
  if (changed) await writeFile(abs, list.map((d) => d.toString()).join(""));
  return changed;
}
