import { analyzeLocation } from "@/lib/catalog/ingest/analyze-location";
import { locationKey, normalizeLocation } from "@/lib/catalog/ingest/location-target";
import {
  addLocation,
  findLocation,
  generatedLocationEntity,
  getLocation,
  type RefreshResult,
  refreshLocation,
  type StoredLocation,
} from "@/lib/catalog/ingest/locations";
import { readLocationTree } from "@/lib/catalog/ingest/read-location-tree";
import type { CatalogReader } from "@/lib/catalog/ingest/reader";
import type { LocationSpec } from "@/lib/catalog/ingest/types";
import { ANNOTATION_ORIGIN_LOCATION } from "@/lib/catalog/model/constants";
import type { Entity } from "@/lib/catalog/model/types";
import { pastedReader } from "@/lib/catalog/pasted/pasted-reader";
import { getEntities } from "@/lib/catalog/queries/get-entities";
import { conflict } from "@/lib/http";
import { timeCatalogRefresh } from "@/lib/metrics/record";
import type { CatalogDeps } from "./catalog-deps";
import { cachingReader, createCatalogReader, readerForLocation } from "./catalog-readers";
import { inputFailure, rootFailure } from "./location-errors";

/** Backstage's `Location`: exactly `{ id, type, target }`. */
export interface BackstageLocation {
  id: string;
  type: string;
  target: string;
}

export const toBackstageLocation = (l: StoredLocation): BackstageLocation => ({
  id: l.id,
  type: l.type,
  target: l.target,
});

export function parseLocationInput(input: { type?: string; target: string }): LocationSpec {
  try {
    return normalizeLocation(input.type, input.target);
  } catch (error) {
    return inputFailure(error, "target");
  }
}

/** Entities whose origin is the location (what it emits), in Backstage's response shape. */
export async function entitiesOfLocation(deps: CatalogDeps, spec: LocationSpec): Promise<Entity[]> {
  const { items } = await getEntities(deps.db, {
    filter: [{ [`metadata.annotations.${ANNOTATION_ORIGIN_LOCATION}`]: [locationKey(spec)] }],
    order: [{ field: "kind", order: "asc" }],
  });
  return items;
}

export interface CreateLocationResponse {
  location: BackstageLocation;
  entities: Entity[];
  exists?: boolean;
}

/** Reads and refreshes a stored location through the write queue. */
export function refreshStoredLocation(deps: CatalogDeps, location: StoredLocation): Promise<RefreshResult> {
  const spec = { type: location.type, target: location.target } as LocationSpec;
  return deps.writes(() =>
    timeCatalogRefresh(() =>
      refreshLocation(deps.db, location.id, {
        reader: pastedReader(deps.db, readerForLocation(deps.readers, spec)),
      }),
    ),
  );
}

/** Registers and imports a new location through the write queue, timed like a refresh. */
export function importNewLocation(deps: CatalogDeps, spec: LocationSpec, reader: CatalogReader) {
  return deps.writes(async () => {
    let added: Awaited<ReturnType<typeof addLocation>> | undefined;
    await timeCatalogRefresh(async () => {
      added = await addLocation(deps.db, spec, { reader });
      return added.result;
    });
    return added as Awaited<ReturnType<typeof addLocation>>;
  });
}

/**
 * `POST /locations`. Unlike Backstage (which processes asynchronously and answers with
 * `entities: []`), ingestion is synchronous here, so the stored entities come back at once.
 * A root that cannot be read is refused with 4xx instead of registering a broken location.
 */
export async function createLocation(
  deps: CatalogDeps,
  input: { type?: string; target: string },
  options: { dryRun: boolean; onConflict?: "reject" | "refresh" },
): Promise<CreateLocationResponse> {
  const spec = parseLocationInput(input);
  const existing = await findLocation(deps.db, spec);
  const reader = cachingReader(pastedReader(deps.db, createCatalogReader(deps.readers)));

  if (options.dryRun) {
    const tree = await readLocationTree(spec, { reader });
    const failure = rootFailure(spec, tree.problems);
    if (failure) throw failure;
    return {
      exists: Boolean(existing),
      location: { id: existing?.id ?? locationKey(spec), type: spec.type, target: spec.target },
      entities: [generatedLocationEntity(spec), ...tree.entities.map((e) => e.entity)],
    };
  }
  if (existing && options.onConflict !== "refresh") {
    throw conflict(`Location ${locationKey(spec)} already exists`, { locationId: existing.id });
  }
  if (existing) {
    await refreshStoredLocation(deps, existing);
    return {
      location: toBackstageLocation(existing),
      entities: await entitiesOfLocation(deps, spec),
      exists: true,
    };
  }
  const tree = await readLocationTree(spec, { reader });
  const failure = rootFailure(spec, tree.problems);
  if (failure) throw failure;
  const { location } = await importNewLocation(deps, spec, reader);
  return { location: toBackstageLocation(location), entities: await entitiesOfLocation(deps, spec) };
}

/** `POST /analyze-location`: a directory-like target gets `catalogFilename` appended, as Backstage does for repos. */
export async function analyzeLocationRequest(
  deps: CatalogDeps,
  input: { location: { type?: string; target: string }; catalogFilename?: string },
) {
  const target = /\.ya?ml(\?.*)?$/i.test(input.location.target)
    ? input.location.target
    : `${input.location.target.replace(/\/+$/, "")}/${input.catalogFilename ?? "catalog-info.yaml"}`;
  const spec = parseLocationInput({ ...input.location, target });
  const result = await analyzeLocation(deps.db, spec, {
    reader: pastedReader(deps.db, createCatalogReader(deps.readers)),
  });
  const failure = rootFailure(spec, result.errors);
  if (failure) throw failure;
  return result;
}

/** The registered location an entity came from (its origin), or null. */
export async function locationOfEntity(deps: CatalogDeps, entity: Entity): Promise<StoredLocation | null> {
  const key = entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
  if (!key) return null;
  const i = key.indexOf(":");
  if (i <= 0) return null;
  return findLocation(deps.db, { type: key.slice(0, i), target: key.slice(i + 1) } as LocationSpec);
}

export { getLocation };
