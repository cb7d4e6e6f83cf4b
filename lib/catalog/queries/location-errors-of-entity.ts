import type { CatalogDb } from "@/lib/catalog/db/sql-client";
import { parseLocationKey } from "@/lib/catalog/ingest/location-target";
import { findLocation, getLocationErrors, type StoredLocationError } from "@/lib/catalog/ingest/locations";
import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION } from "@/lib/catalog/model/constants";
import type { Entity } from "@/lib/catalog/model/types";

/** Errors of the registered location this entity came from that concern its file or the entity itself. */
export async function getLocationErrorsOfEntity(
  db: CatalogDb,
  entity: Entity,
  ref: string,
): Promise<StoredLocationError[]> {
  const annotations = entity.metadata.annotations ?? {};
  const origin = annotations[ANNOTATION_ORIGIN_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (!origin) return [];
  let location: Awaited<ReturnType<typeof findLocation>>;
  try {
    location = await findLocation(db, parseLocationKey(origin));
  } catch {
    return [];
  }
  if (!location) return [];
  const file = annotations[ANNOTATION_LOCATION];
  const errors = await getLocationErrors(db, location.id);
  return errors.filter((e) => e.entityRef === ref || (file !== undefined && e.file === file));
}
