import { invalidateListCache } from "@/lib/catalog/db/list-cache";
import { lockCatalogWrites } from "@/lib/catalog/db/write-lock";
import { ANNOTATION_ORPHAN } from "@/lib/catalog/model/constants";
import { stringifyEntityRef } from "@/lib/catalog/model/entity-ref";
import { getEntityByRef, getEntityByUid } from "@/lib/catalog/queries/get-entity";
import { conflict, notFound } from "@/lib/http";
import type { CatalogDeps } from "./catalog-deps";
import { locationOfEntity, refreshStoredLocation, toBackstageLocation } from "./location-service";

/**
 * `DELETE /entities/by-uid/:uid`. Orphans (no longer emitted by any location) and entities
 * whose location is gone are deleted. An entity its location still emits is refused with
 * 409: Backstage would delete it only for it to reappear on the next refresh, which is
 * confusing; remove it from its source or delete the location instead.
 */
export async function deleteEntityByUid(deps: CatalogDeps, uid: string): Promise<void> {
  const entity = await getEntityByUid(deps.db, uid);
  if (!entity) throw notFound(`No entity with uid ${uid}`);
  const orphan = entity.metadata.annotations?.[ANNOTATION_ORPHAN] === "true";
  const location = orphan ? null : await locationOfEntity(deps, entity);
  if (location) {
    throw conflict(
      `Entity ${stringifyEntityRef(entity)} is still emitted by location ${location.type}:${location.target}; remove it from that source or delete the location`,
      { locationId: location.id },
    );
  }
  const ref = stringifyEntityRef(entity);
  await deps.writes(() =>
    deps.db.$transaction(async (tx) => {
      await lockCatalogWrites(tx);
      await tx.$executeRawUnsafe(`DELETE FROM catalog_relations WHERE origin_ref = $1`, ref);
      await tx.$executeRawUnsafe(`DELETE FROM catalog_entities WHERE id = $1::uuid`, uid);
      // A non-orphan whose location is gone is counted in the cached facets; orphans are not.
      if (!orphan) await invalidateListCache(tx);
    }),
  );
}

/** `POST /refresh`: re-reads the location the entity originates from, synchronously. */
export async function refreshEntity(deps: CatalogDeps, entityRef: string) {
  const entity = await getEntityByRef(deps.db, entityRef);
  if (!entity) throw notFound(`No entity ${entityRef}`);
  const location = await locationOfEntity(deps, entity);
  if (!location) throw notFound(`Entity ${entityRef} has no registered location to refresh`);
  const result = await refreshStoredLocation(deps, location);
  return {
    location: toBackstageLocation(location),
    ok: result.ok,
    ...(result.ok
      ? {
          added: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          orphaned: result.orphaned,
          conflicts: result.conflicts,
        }
      : {}),
    errors: result.ok ? result.problems : [...result.problems, result.error],
  };
}

export async function locationByEntityName(
  deps: CatalogDeps,
  name: { kind: string; namespace: string; name: string },
) {
  const ref = stringifyEntityRef(name);
  const entity = await getEntityByRef(deps.db, ref);
  if (!entity)
    throw notFound(
      `No entity named '${name.name}' found, with kind '${name.kind}' in namespace '${name.namespace}'`,
    );
  const location = await locationOfEntity(deps, entity);
  if (!location) throw notFound(`No location found for entity ${ref}`);
  return toBackstageLocation(location);
}
