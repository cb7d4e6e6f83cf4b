import { contentHash } from "../db/entity-row";
import { rebuildListCache } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { ANNOTATION_LOCATION, ANNOTATION_ORPHAN } from "../model/constants";
import type { IngestProblem, LocationTree } from "./types";
import { type PendingWrite, writeEntities } from "./write-entities";

const CHUNK = 2000;

export interface ApplyResult {
  added: number;
  updated: number;
  unchanged: number;
  orphaned: number;
  conflicts: number;
  problems: IngestProblem[];
}

interface ExistingRow {
  ref: string;
  id: string;
  location_id: string | null;
  hash: string;
  generation: number;
  orphan: boolean;
  /** Loaded only when the content changed (loadOldSpecs). */
  spec?: unknown;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Stored specs of entities whose content changed, to tell whether the spec did (generation). */
async function loadOldSpecs(tx: SqlExecutor, changed: ExistingRow[]) {
  const byRef = new Map(changed.map((row) => [row.ref, row]));
  for (const batch of chunks(changed, 10_000)) {
    const rows = await tx.$queryRawUnsafe<Array<{ ref: string; spec: unknown }>>(
      `SELECT ref, entity->'spec' AS spec FROM catalog_entities WHERE ref = ANY($1::text[])`,
      batch.map((row) => row.ref),
    );
    for (const row of rows) {
      const old = byRef.get(row.ref);
      if (old) old.spec = row.spec;
    }
  }
}

/**
 * Writes one location's freshly read tree: upserts changed entities, marks vanished ones as
 * orphans (never deletes), refuses refs owned by another location, and replaces the
 * location's stored errors. Must run inside a transaction so a failure changes nothing.
 */
export async function applyTree(
  tx: SqlExecutor,
  locationId: string,
  tree: LocationTree,
): Promise<ApplyResult> {
  const problems: IngestProblem[] = [...tree.problems];
  const existing = new Map<string, ExistingRow>();
  for (const batch of chunks(tree.entities, 10_000)) {
    const rows = await tx.$queryRawUnsafe<ExistingRow[]>(
      `SELECT ref, id::text AS id, location_id::text AS location_id, hash, generation, orphan
       FROM catalog_entities WHERE ref = ANY($1::text[])`,
      batch.map((e) => e.ref),
    );
    for (const row of rows) existing.set(row.ref, row);
  }

  const result: ApplyResult = { added: 0, updated: 0, unchanged: 0, orphaned: 0, conflicts: 0, problems };
  const writes: PendingWrite[] = [];
  const emitted = new Set<string>();
  let ownedEmitted = 0;
  const changed: ExistingRow[] = [];
  for (const item of tree.entities) {
    const old = existing.get(item.ref);
    if (old && old.location_id !== locationId) {
      result.conflicts++;
      problems.push({
        code: "CONFLICT",
        file: item.file,
        documentIndex: item.documentIndex,
        entityRef: item.ref,
        message: `Entity ${item.ref} is already managed by another location (${old.location_id ?? "none"}); it was not changed`,
      });
      continue;
    }
    emitted.add(item.ref);
    if (!old) {
      // New: hashed while the previous batch is written (writeEntities).
      writes.push({ item });
      result.added++;
      continue;
    }
    if (!old.orphan) ownedEmitted++;
    const hash = contentHash(item.entity);
    if (old.hash === hash && !old.orphan) {
      result.unchanged++;
      continue;
    }
    if (old.hash !== hash) changed.push(old);
    writes.push({ item, hash, old });
    result.updated++;
  }
  await loadOldSpecs(tx, changed);

  // Counted before writing: when every live entity of this location is emitted again (always on
  // a first import) the orphan UPDATE below, a scan of the location's rows, has nothing to do.
  const [{ live }] = await tx.$queryRawUnsafe<Array<{ live: number }>>(
    `SELECT count(*)::int AS live FROM catalog_entities WHERE location_id = $1::uuid AND orphan = false`,
    locationId,
  );
  await writeEntities(tx, writes, locationId);

  // Entities of this location not emitted now become orphans, unless their file failed to
  // read or their document is merely invalid: then the last good version stays as is.
  if (live > ownedEmitted) {
    const keepFiles = tree.filesFailed;
    const keepRefs = [...tree.invalidRefs, ...emitted];
    result.orphaned = await tx.$executeRawUnsafe(
      `UPDATE catalog_entities SET orphan = true, updated_at = now(), etag = md5(random()::text),
       entity = jsonb_set(entity, '{metadata,annotations}',
         coalesce(entity->'metadata'->'annotations', '{}'::jsonb) || jsonb_build_object('${ANNOTATION_ORPHAN}', 'true'))
     WHERE location_id = $1::uuid AND orphan = false AND NOT (ref = ANY($2::text[]))
       AND NOT (coalesce(entity->'metadata'->'annotations'->>'${ANNOTATION_LOCATION}', '') = ANY($3::text[]))`,
      locationId,
      keepRefs,
      keepFiles,
    );
  }

  if (writes.length > 0 || result.orphaned > 0) await rebuildListCache(tx);

  await tx.$executeRawUnsafe(`DELETE FROM catalog_location_errors WHERE location_id = $1::uuid`, locationId);
  await insertLocationErrors(tx, locationId, problems);
  await tx.$executeRawUnsafe(
    `UPDATE catalog_locations SET status = $2, last_refreshed_at = now(), updated_at = now() WHERE id = $1::uuid`,
    locationId,
    problems.length > 0 ? "warning" : "ok",
  );
  return result;
}

export async function insertLocationErrors(tx: SqlExecutor, locationId: string, problems: IngestProblem[]) {
  for (const batch of chunks(problems)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO catalog_location_errors (location_id, code, message, file, document_index, path, line, "column", entity_ref)
       SELECT $2::uuid, x.code, x.message, x.file, x."documentIndex", x.path, x.line, x."column", x."entityRef"
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, message text, file text, "documentIndex" int, path text,
         line int, "column" int, "entityRef" text)`,
      JSON.stringify(batch),
      locationId,
    );
  }
}
