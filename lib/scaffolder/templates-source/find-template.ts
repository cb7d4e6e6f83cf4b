import path from "node:path";
import type { CatalogDb } from "@/lib/catalog/db/sql-client";
import { ANNOTATION_LOCATION } from "@/lib/catalog/model/constants";
import { parseEntityRef, stringifyEntityRef } from "@/lib/catalog/model/entity-ref";
import type { Entity } from "@/lib/catalog/model/types";
import { getEntityByRef } from "@/lib/catalog/queries/get-entity";
import { type ParsedTemplate, parseTemplate } from "../model/template";

export interface CatalogTemplate {
  entity: Entity;
  template: ParsedTemplate;
  /** Folder of template.yaml for file locations; relative `fetch:*` URLs resolve against it. */
  baseDir?: string;
  /** URL of template.yaml for templates registered from a repository URL. */
  baseUrl?: string;
  /** The entity's etag-like version: its stored `metadata.etag` or generation when present. */
  version?: string;
}

export class TemplateNotFoundError extends Error {
  constructor(readonly ref: string) {
    super(`Template ${ref} not found`);
    this.name = "TemplateNotFoundError";
  }
}

export function baseDirOf(entity: Entity): string | undefined {
  const loc = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!loc?.startsWith("file:")) return undefined;
  return path.dirname(loc.slice("file:".length));
}

export function baseUrlOf(entity: {
  metadata?: { annotations?: Record<string, string> };
}): string | undefined {
  const loc = entity.metadata?.annotations?.[ANNOTATION_LOCATION];
  if (!loc?.startsWith("url:")) return undefined;
  return loc.slice("url:".length);
}

/** Accepts `template:ns/name`, `ns/name` or `name` (kind defaults to Template). */
export function normalizeTemplateRef(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref, { defaultKind: "Template" }));
}

export async function findTemplate(db: CatalogDb, ref: string): Promise<CatalogTemplate> {
  const key = normalizeTemplateRef(ref);
  if (!key.startsWith("template:")) throw new TemplateNotFoundError(ref);
  const entity = await getEntityByRef(db, key);
  if (!entity || entity.kind !== "Template") throw new TemplateNotFoundError(ref);
  const meta = entity.metadata as Record<string, unknown>;
  const version =
    typeof meta.etag === "string"
      ? meta.etag
      : typeof meta.generation === "number"
        ? String(meta.generation)
        : undefined;
  return {
    entity,
    template: parseTemplate(entity),
    baseDir: baseDirOf(entity),
    baseUrl: baseUrlOf(entity),
    version,
  };
}
