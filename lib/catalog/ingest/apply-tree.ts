import { randomUUID } from "node:crypto";
import { contentHash, type EntityRow, newEtag, stableStringify, toEntityRow } from "../db/entity-row";
import { rebuildListCache } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { ANNOTATION_LOCATION, ANNOTATION_ORPHAN } from "../model/constants";
import { buildRelations, type RelationRow } from "../model/relations";
import type { IngestProblem, LocationTree } from "./types";

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
  spec: unknown;
  managed_by: string | null;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function upsertEntities(tx: SqlExecutor, rows: EntityRow[], locationId: string) {
  for (const batch of chunks(rows)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO catalog_entities AS e (id, ref, kind, namespace, name, title, type, lifecycle, owner, system, tags,
         entity, etag, generation, hash, search_text, orphan, location_id, created_at, updated_at)
       SELECT x.id, x.ref, x.kind, x.namespace, x.name, x.title, x.type, x.lifecycle, x.owner, x.system,
         ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.entity, x.etag, x.generation, x.hash, x.search_text,
         false, $2::uuid, now(), now()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ref text, kind text, namespace text, name text, title text,
         type text, lifecycle text, owner text, system text, tags jsonb, entity jsonb, etag text, generation int,
         hash text, search_text text)
       ON CONFLICT (ref) DO UPDATE SET kind = excluded.kind, namespace = excluded.namespace, name = excluded.name,
         title = excluded.title, type = excluded.type, lifecycle = excluded.lifecycle, owner = excluded.owner,
         system = excluded.system, tags = excluded.tags, entity = excluded.entity, etag = excluded.etag,
         generation = excluded.generation, hash = excluded.hash, search_text = excluded.search_text,
         orphan = false, location_id = excluded.location_id, updated_at = now()
       WHERE e.location_id IS NOT DISTINCT FROM excluded.location_id`,
      JSON.stringify(batch),
      locationId,
    );
  }
}

async function replaceRelations(
  tx: SqlExecutor,
  originRefs: string[],
  relations: Array<RelationRow & { originRef: string }>,
) {
  for (const batch of chunks(originRefs, 10_000)) {
    await tx.$executeRawUnsafe(`DELETE FROM catalog_relations WHERE origin_ref = ANY($1::text[])`, batch);
  }
  for (const batch of chunks(relations, 5000)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO catalog_relations (origin_ref, source_ref, type, target_ref)
       SELECT x."originRef", x."sourceRef", x.type, x."targetRef"
       FROM jsonb_to_recordset($1::jsonb) AS x("originRef" text, "sourceRef" text, type text, "targetRef" text)
       ON CONFLICT DO NOTHING`,
      JSON.stringify(batch),
    );
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
  const incoming = tree.entities.map((e) => ({ ...e, hash: contentHash(e.entity) }));
  const existing = new Map<string, ExistingRow>();
  for (const batch of chunks(incoming, 10_000)) {
    const rows = await tx.$queryRawUnsafe<ExistingRow[]>(
      `SELECT e.ref, e.id::text AS id, e.location_id::text AS location_id, e.hash, e.generation, e.orphan,
         CASE WHEN e.hash <> x.hash THEN e.entity->'spec' END AS spec, NULL AS managed_by
       FROM jsonb_to_recordset($1::jsonb) AS x(ref text, hash text) JOIN catalog_entities e ON e.ref = x.ref`,
      JSON.stringify(batch.map((e) => ({ ref: e.ref, hash: e.hash }))),
    );
    for (const row of rows) existing.set(row.ref, row);
  }

  const result: ApplyResult = { added: 0, updated: 0, unchanged: 0, orphaned: 0, conflicts: 0, problems };
  const rows: EntityRow[] = [];
  const relations: Array<RelationRow & { originRef: string }> = [];
  const emitted = new Set<string>();
  for (const item of incoming) {
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
    if (old && old.hash === item.hash && !old.orphan) {
      result.unchanged++;
      continue;
    }
    const specChanged = old
      ? stableStringify(old.spec ?? null) !== stableStringify(item.entity.spec ?? null)
      : true;
    const generation = old ? old.generation + (specChanged && old.hash !== item.hash ? 1 : 0) : 1;
    rows.push(
      toEntityRow(item.entity, item.ref, {
        id: old?.id ?? randomUUID(),
        etag: newEtag(),
        generation,
        hash: item.hash,
      }),
    );
    // Only the stated direction is stored; readers derive the inverse (queries/relations-sql).
    for (const r of buildRelations(item.entity).rows)
      if (r.sourceRef === item.ref) relations.push({ ...r, originRef: item.ref });
    if (old) result.updated++;
    else result.added++;
  }

  await upsertEntities(tx, rows, locationId);
  await replaceRelations(
    tx,
    rows.map((r) => r.ref),
    relations,
  );

  // Entities of this location not emitted now become orphans, unless their file failed to
  // read or their document is merely invalid: then the last good version stays as is.
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

  if (rows.length > 0 || result.orphaned > 0) await rebuildListCache(tx);

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
