import type { SqlExecutor } from "../db/sql-client";
import { DEFAULT_NAMESPACE } from "../model/constants";
import { stringifyEntityRef, tryCanonicalRef } from "../model/entity-ref";
import type { Entity } from "../model/types";
import { type EntityFilter, filterToSql } from "./filter";
import { toResponseEntities, withRelations } from "./load-entities";
import { SqlParams } from "./sql-params";

export async function getEntityByRef(db: SqlExecutor, ref: string): Promise<Entity | null> {
  const canonical = tryCanonicalRef(ref);
  if (!canonical) return null;
  const rows = await db.$queryRawUnsafe<Array<{ ref: string; entity: Entity }>>(
    `SELECT ref, entity FROM catalog_entities WHERE ref = $1`,
    canonical,
  );
  return (await withRelations(db, rows))[0] ?? null;
}

/** `GET /entities/by-name/:kind/:namespace/:name` (case-insensitive like Backstage). */
export function getEntityByName(
  db: SqlExecutor,
  name: { kind: string; namespace?: string; name: string },
): Promise<Entity | null> {
  return getEntityByRef(db, stringifyEntityRef({ ...name, namespace: name.namespace ?? DEFAULT_NAMESPACE }));
}

/** `GET /entities/by-uid/:uid`. */
export async function getEntityByUid(db: SqlExecutor, uid: string): Promise<Entity | null> {
  if (!/^[0-9a-f-]{36}$/i.test(uid)) return null;
  const rows = await db.$queryRawUnsafe<Array<{ ref: string; entity: Entity }>>(
    `SELECT ref, entity FROM catalog_entities WHERE id = $1::uuid`,
    uid,
  );
  return (await withRelations(db, rows))[0] ?? null;
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
