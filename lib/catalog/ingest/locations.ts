import { createHash } from "node:crypto";
import { rebuildListCache } from "../db/list-cache";
import { maintainAfterBulkWrite } from "../db/maintenance";
import type { CatalogDb } from "../db/sql-client";
import { lockCatalogWrites } from "../db/write-lock";
import { catchUpListIndex } from "../list-index/index-cache";
import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION } from "../model/constants";
import type { Entity } from "../model/types";
import { type ApplyResult, applyTree, insertLocationErrors } from "./apply-tree";
import { IngestError } from "./ingest-error";
import { locationKey, normalizeLocation } from "./location-target";
import { readLocationTree } from "./read-location-tree";
import type { CatalogReader } from "./reader";
import type { IngestProblem, LocationSpec } from "./types";

/** Backstage's `Location` response shape. */
export interface CatalogLocation {
  id: string;
  type: string;
  target: string;
  entityRef: string;
}

export interface StoredLocation extends CatalogLocation {
  status: string;
  lastRefreshedAt: Date | null;
}

export interface StoredLocationError extends IngestProblem {
  id: string;
  createdAt: Date;
}

/** The Location entity Backstage generates for a registered location. */
export function generatedLocationEntity(spec: LocationSpec): Entity {
  const key = locationKey(spec);
  const name = `generated-${createHash("sha1").update(key).digest("hex")}`;
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Location",
    metadata: {
      name,
      namespace: "default",
      annotations: { [ANNOTATION_LOCATION]: key, [ANNOTATION_ORIGIN_LOCATION]: key },
    },
    spec: { type: spec.type, target: spec.target },
  };
}

const LOCATION_COLUMNS = `id::text AS id, type, target, entity_ref AS "entityRef", status, last_refreshed_at AS "lastRefreshedAt"`;

export async function getLocation(db: CatalogDb, id: string): Promise<StoredLocation | null> {
  const rows = await db.$queryRawUnsafe<StoredLocation[]>(
    `SELECT ${LOCATION_COLUMNS} FROM catalog_locations WHERE id::text = $1`,
    id,
  );
  return rows[0] ?? null;
}

export async function listLocations(db: CatalogDb): Promise<StoredLocation[]> {
  return db.$queryRawUnsafe<StoredLocation[]>(
    `SELECT ${LOCATION_COLUMNS} FROM catalog_locations ORDER BY created_at`,
  );
}

export async function findLocation(db: CatalogDb, spec: LocationSpec): Promise<StoredLocation | null> {
  const rows = await db.$queryRawUnsafe<StoredLocation[]>(
    `SELECT ${LOCATION_COLUMNS} FROM catalog_locations WHERE type = $1 AND target = $2`,
    spec.type,
    spec.target,
  );
  return rows[0] ?? null;
}

export async function getLocationErrors(db: CatalogDb, locationId: string): Promise<StoredLocationError[]> {
  const rows = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(
    `SELECT id::text AS id, code, message, file, document_index AS "documentIndex", path, line, "column",
       entity_ref AS "entityRef", created_at AS "createdAt"
     FROM catalog_location_errors WHERE location_id::text = $1 ORDER BY id`,
    locationId,
  );
  // Drop SQL NULLs so the objects look like the IngestProblems that produced them.
  return rows.map(
    (r) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)) as unknown as StoredLocationError,
  );
}

/** Registers a location (idempotent on type+target). Call refreshLocation to ingest it. */
export async function registerLocation(
  db: CatalogDb,
  input: { type?: string; target: string },
): Promise<StoredLocation> {
  const spec = normalizeLocation(input.type, input.target);
  const entityRef = `location:default/${generatedLocationEntity(spec).metadata.name}`;
  await db.$executeRawUnsafe(
    `INSERT INTO catalog_locations (id, type, target, entity_ref, status, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, 'pending', now(), now()) ON CONFLICT (type, target) DO NOTHING`,
    spec.type,
    spec.target,
    entityRef,
  );
  const stored = await findLocation(db, spec);
  if (!stored) throw new Error(`Location ${locationKey(spec)} could not be stored`);
  return stored;
}

export interface RefreshOptions {
  reader: CatalogReader;
  maxFiles?: number;
}

export type RefreshResult =
  | (ApplyResult & { ok: true })
  | { ok: false; error: IngestProblem; problems: IngestProblem[] };

/**
 * Re-reads a location and applies it atomically. If writing fails, everything already stored
 * stays as it was and the failure is recorded on the location.
 */
export async function refreshLocation(
  db: CatalogDb,
  locationId: string,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const location = await getLocation(db, locationId);
  if (!location) throw new IngestError("NOT_FOUND", `Location ${locationId} does not exist`);
  const spec = { type: location.type, target: location.target } as LocationSpec;
  const tree = await readLocationTree(spec, { reader: options.reader, maxFiles: options.maxFiles });
  if (tree.aborted) {
    await recordFailure(db, location.id, tree.problems);
    return { ok: false, error: tree.aborted, problems: tree.problems.filter((p) => p !== tree.aborted) };
  }
  tree.entities.unshift({
    entity: generatedLocationEntity(spec),
    ref: location.entityRef,
    file: locationKey(spec),
    documentIndex: 0,
  });
  try {
    const result = await db.$transaction(
      async (tx) => {
        // Before applyTree reads what is stored: see the header of write-lock.ts.
        await lockCatalogWrites(tx);
        return applyTree(tx, location.id, tree);
      },
      {
        timeout: 600_000,
        maxWait: 30_000,
      },
    );
    const changed = result.added + result.updated + result.orphaned;
    await maintainAfterBulkWrite(db, changed);
    // The reads that follow a refresh (a CI job's, the UI's) then find the list index current.
    if (changed > 0) await catchUpListIndex(db);
    return { ok: true, ...result };
  } catch (cause) {
    const error: IngestProblem = {
      code: "READ_FAILED",
      file: locationKey(spec),
      message: `Storing the location failed; nothing was changed: ${(cause as Error).message}`,
    };
    await recordFailure(db, location.id, [...tree.problems, error]);
    return { ok: false, error, problems: tree.problems };
  }
}

/** Replaces the location's errors and marks it failed; its stored entities stay as they were. */
async function recordFailure(db: CatalogDb, locationId: string, problems: IngestProblem[]): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM catalog_location_errors WHERE location_id = $1::uuid`, locationId);
  await insertLocationErrors(db, locationId, problems);
  await db.$executeRawUnsafe(
    `UPDATE catalog_locations SET status = 'failed', updated_at = now() WHERE id = $1::uuid`,
    locationId,
  );
}

/** Removes a location and, like Backstage, the entities it manages and their relations. */
export async function removeLocation(db: CatalogDb, locationId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockCatalogWrites(tx);
    await tx.$executeRawUnsafe(
      `DELETE FROM catalog_relations WHERE origin_ref IN (SELECT ref FROM catalog_entities WHERE location_id::text = $1)`,
      locationId,
    );
    const deleted = await tx.$executeRawUnsafe(
      `DELETE FROM catalog_entities WHERE location_id::text = $1`,
      locationId,
    );
    if (deleted > 0) await rebuildListCache(tx);
    // A pasted document belongs to its location; nothing else can refer to it.
    await tx.$executeRawUnsafe(
      `DELETE FROM catalog_pasted_documents d USING catalog_locations l
        WHERE l.id::text = $1 AND l.type = 'file' AND d.target = l.target`,
      locationId,
    );
    return (await tx.$executeRawUnsafe(`DELETE FROM catalog_locations WHERE id::text = $1`, locationId)) > 0;
  });
}

/** Register + refresh in one call; what `POST /locations` does. */
export async function addLocation(
  db: CatalogDb,
  input: { type?: string; target: string },
  options: RefreshOptions,
): Promise<{ location: StoredLocation; result: RefreshResult }> {
  const location = await registerLocation(db, input);
  const result = await refreshLocation(db, location.id, options);
  return { location: (await getLocation(db, location.id)) ?? location, result };
}
