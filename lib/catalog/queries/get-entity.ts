import { rawPoolOf } from "@/lib/db/client";
import type { SqlExecutor } from "../db/sql-client";
import { DEFAULT_NAMESPACE } from "../model/constants";
import { stringifyEntityRef, tryCanonicalRef } from "../model/entity-ref";
import type { Entity, EntityRelation } from "../model/types";
import { type EntityFilter, filterToSql } from "./filter";
import { toResponseEntities } from "./load-entities";
import { relationsOfSql } from "./relations-sql";
import { SqlParams } from "./sql-params";

/**
 * One entity with its relations in one round trip (by-name, by-uid): the relations come as a
 * JSON array in the same order withRelations sorts them, so the answer is the same as the
 * two-query form, at half the latency on the embedded database.
 */
async function oneEntity(db: SqlExecutor, where: string, value: string): Promise<Entity | null> {
  const rows = await db.$queryRawUnsafe<Array<{ entity: Entity; relations: EntityRelation[] }>>(
    `SELECT e.entity, coalesce(${relationsOfEntitySql("e")}, '[]'::json) AS relations
     FROM catalog_entities e WHERE ${where}`,
    value,
  );
  const row = rows[0];
  return row ? { ...row.entity, relations: row.relations } : null;
}

export async function getEntityByRef(db: SqlExecutor, ref: string): Promise<Entity | null> {
  const canonical = tryCanonicalRef(ref);
  if (!canonical) return null;
  return oneEntity(db, "e.ref = $1", canonical);
}

/** Relation objects (Backstage shape) as JSON, in withRelations' order, over `r` rows. */
const RELATIONS_JSON_AGG = `json_agg(json_build_object('type', r.type, 'targetRef', r.target_ref)
  ORDER BY r.type, r.target_ref)`;

/** One entity's relations as a JSON array, or null when it has none. */
function relationsOfEntitySql(alias: string): string {
  return `(SELECT ${RELATIONS_JSON_AGG} FROM (${relationsOfSql(`ARRAY[${alias}.ref]`)}) r)`;
}

/**
 * The response body of by-name / by-ref: the entity's stored body (catalog_final_entities,
 * compact JSON kept current at write time with its relations in both directions): the value of
 * getEntityByRef's answer, in the bytes JSON.stringify prints for it except where PostgreSQL
 * prints a number as stored (1.0, 1e100 in full) or orders integer-like keys as text. One
 * primary-key lookup, no relation aggregation and no parse/re-serialise per request. Null when
 * not found.
 */
export async function entityJsonByRef(db: SqlExecutor, ref: string): Promise<Uint8Array | null> {
  const canonical = tryCanonicalRef(ref);
  if (!canonical) return null;
  const sql = `SELECT body FROM catalog_final_entities WHERE ref = $1`;
  const pool = rawPoolOf(db);
  const rows = pool
    ? (await pool.query<{ body: string }>(sql, [canonical])).rows
    : await db.$queryRawUnsafe<Array<{ body: string }>>(sql, canonical);
  return rows[0] ? Buffer.from(rows[0].body, "utf8") : null;
}

/** `GET /entities/by-name/:kind/:namespace/:name` (case-insensitive like Backstage). */
export function getEntityByName(
  db: SqlExecutor,
  name: { kind: string; namespace?: string; name: string },
): Promise<Entity | null> {
  return getEntityByRef(db, stringifyEntityRef({ ...name, namespace: name.namespace ?? DEFAULT_NAMESPACE }));
}

/** entityJsonByRef for `GET /entities/by-name/:kind/:namespace/:name`. */
export function entityJsonByName(
  db: SqlExecutor,
  name: { kind: string; namespace?: string; name: string },
): Promise<Uint8Array | null> {
  return entityJsonByRef(db, stringifyEntityRef({ ...name, namespace: name.namespace ?? DEFAULT_NAMESPACE }));
}

/** `GET /entities/by-uid/:uid`. */
export async function getEntityByUid(db: SqlExecutor, uid: string): Promise<Entity | null> {
  if (!/^[0-9a-f-]{36}$/i.test(uid)) return null;
  return oneEntity(db, "e.id = $1::uuid", uid);
}

/** `POST /entities/by-refs`: same order and length as the input; null where not found or filtered out. */
export async function getEntitiesByRefs(
  db: SqlExecutor,
  request: { entityRefs: string[]; fields?: string[]; filter?: EntityFilter },
): Promise<{ items: Array<Entity | null> }> {
  const canonical = request.entityRefs.map((r) => tryCanonicalRef(r) ?? null);
  const wanted = [...new Set(canonical.filter((r): r is string => r !== null))];
  const params = new SqlParams();
  const refsParam = params.add(wanted);
  const where = filterToSql(request.filter ?? [], params);
  const rows = wanted.length
    ? await db.$queryRawUnsafe<Array<{ ref: string; entity: Entity }>>(
        `SELECT e.ref, e.entity FROM catalog_entities e WHERE e.ref = ANY(${refsParam}::text[]) AND ${where}`,
        ...params.values,
      )
    : [];
  const entities = await toResponseEntities(db, rows, request.fields);
  const byRef = new Map(rows.map((r, i) => [r.ref, entities[i]]));
  return { items: canonical.map((r) => (r ? (byRef.get(r) ?? null) : null)) };
}
