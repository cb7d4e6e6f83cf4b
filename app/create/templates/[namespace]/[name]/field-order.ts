import type { Entity } from "@/lib/catalog/model/types";
import { pastedReader } from "@/lib/catalog/pasted/pasted-reader";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { readerForLocation } from "@/lib/catalog/service/catalog-readers";
import { sourceFieldOrder as readFieldOrder } from "@/lib/scaffolder/templates-source/field-order";

/** The author's field order for the wizard (see lib/scaffolder/templates-source/field-order.ts). */
export function sourceFieldOrder(entity: Entity): Promise<string[][] | undefined> {
  const deps = catalogDeps();
  return readFieldOrder(entity, (spec) => pastedReader(deps.db, readerForLocation(deps.readers, spec)));
}
