import { randomUUID } from "node:crypto";
import { contentHash, type EntityRow, newEtag, stableStringify, toEntityRow } from "../db/entity-row";
import type { SqlExecutor } from "../db/sql-client";
import { buildRelations } from "../model/relations";
import type { ReadEntity } from "./types";

/** An incoming entity that must be written, and its stored version when there is one. */
export interface PendingWrite {
  item: ReadEntity;
  /** contentHash of the entity; computed here when not yet known (new entities). */
  hash?: string;
  /** `spec` is the stored spec when the content hash changed. */
  old?: { id: string; generation: number; hash: string; spec?: unknown };
}

/** The row sent to the database: the entity row plus its stated relations, type and target side by side. */
type WriteRow = EntityRow & { relTypes: string[]; relTargets: string[] };

const BATCH = 2000;

/**
 * One statement per batch upserts the entities and inserts their relations, so the batch travels
 * once. It is sent as `json`: json_to_recordset reads the text as it goes, where `jsonb` would
 * first build the whole batch as one binary document. Relations are inserted only for rows the
 * upsert wrote (RETURNING), so a ref that another location owns keeps its relations. There is no
 * ON CONFLICT on relations: the written refs' old relations are deleted first and one entity's
 * relations are distinct (buildRelations), and a speculative insertion into the four-column
 * unique index costs about twice a plain one. The hash join keeps the batch's (ref) order.
 */
const WRITE_BATCH_SQL = `WITH x AS MATERIALIZED (
    SELECT * FROM json_to_recordset($1::json) AS x(id uuid, ref text, kind text, namespace text, name text,
      title text, type text, lifecycle text, owner text, system text, tags text[], entity jsonb, etag text,
      generation int, hash text, search_text text, "relTypes" text[], "relTargets" text[])
  ), written AS (
    INSERT INTO catalog_entities AS e (id, ref, kind, namespace, name, title, type, lifecycle, owner, system, tags,
      entity, etag, generation, hash, search_text, orphan, location_id, created_at, updated_at)
    SELECT x.id, x.ref, x.kind, x.namespace, x.name, x.title, x.type, x.lifecycle, x.owner, x.system,
      coalesce(x.tags, '{}'), x.entity, x.etag, x.generation, x.hash, x.search_text, false, $2::uuid, now(), now()
    FROM x
    ON CONFLICT (ref) DO UPDATE SET kind = excluded.kind, namespace = excluded.namespace, name = excluded.name,
      title = excluded.title, type = excluded.type, lifecycle = excluded.lifecycle, owner = excluded.owner,
      system = excluded.system, tags = excluded.tags, entity = excluded.entity, etag = excluded.etag,
      generation = excluded.generation, hash = excluded.hash, search_text = excluded.search_text,
      orphan = false, location_id = excluded.location_id, updated_at = now()
    WHERE e.location_id IS NOT DISTINCT FROM excluded.location_id
    RETURNING e.ref
  )
  INSERT INTO catalog_relations (origin_ref, source_ref, type, target_ref)
  SELECT x.ref, x.ref, r.type, r.target_ref
  FROM x JOIN written w ON w.ref = x.ref CROSS JOIN LATERAL unnest(x."relTypes", x."relTargets") AS r(type, target_ref)`;

function toWriteRow({ item, hash = contentHash(item.entity), old }: PendingWrite): WriteRow {
  const specChanged = old
    ? stableStringify(old.spec ?? null) !== stableStringify(item.entity.spec ?? null)
    : true;
  const generation = old ? old.generation + (specChanged && old.hash !== hash ? 1 : 0) : 1;
  const row = toEntityRow(item.entity, item.ref, {
    id: old?.id ?? randomUUID(),
    etag: newEtag(),
    generation,
    hash,
  }) as WriteRow;
  // Only the stated direction is stored; readers derive the inverse (queries/relations-sql).
  row.relTypes = [];
  row.relTargets = [];
  for (const r of buildRelations(item.entity).rows) {
    if (r.sourceRef !== item.ref) continue;
    row.relTypes.push(r.type);
    row.relTargets.push(r.targetRef);
  }
  return row;
}

/** Lets the request just issued reach the socket before more synchronous work runs. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the entities (replacing their relations). Sorted by ref so the ref-ordered indexes
 * (ref, kind/namespace/name, relations' origin and source) are filled at their right edge
 * instead of all over. Each batch is built and serialised while the database still works on the
 * previous one: the two run on different cores.
 */
export async function writeEntities(tx: SqlExecutor, writes: PendingWrite[], locationId: string) {
  writes.sort((a, b) => (a.item.ref < b.item.ref ? -1 : a.item.ref > b.item.ref ? 1 : 0));
  for (let i = 0; i < writes.length; i += 10_000) {
    await tx.$executeRawUnsafe(
      `DELETE FROM catalog_relations WHERE origin_ref = ANY($1::text[])`,
      writes.slice(i, i + 10_000).map((w) => w.item.ref),
    );
  }
  let inFlight: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < writes.length; i += BATCH) {
    const payload = JSON.stringify(writes.slice(i, i + BATCH).map(toWriteRow));
    await inFlight;
    // Prisma's promise is lazy: then() sends it. The no-op catch keeps a failure that lands
    // before the next await from counting as unhandled; `await inFlight` still throws it.
    inFlight = tx.$executeRawUnsafe(WRITE_BATCH_SQL, payload, locationId).then((n) => n);
    inFlight.catch(() => undefined);
    await yieldToIo();
  }
  await inFlight;
}
