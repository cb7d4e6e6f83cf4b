import type { Entity } from "@/lib/catalog/model/types";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { sourceFieldOrder as readFieldOrder } from "@/lib/scaffolder/templates-source/field-order";
import { templateSourceReader } from "@/lib/scaffolder/templates-source/source-reader";

/** The author's field order for the wizard (see lib/scaffolder/templates-source/field-order.ts). */
export function sourceFieldOrder(entity: Entity): Promise<string[][] | undefined> {
  return readFieldOrder(entity, templateSourceReader(catalogDeps()));
}
