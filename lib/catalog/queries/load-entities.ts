import type { SqlExecutor } from "../db/sql-client";
import type { Entity, EntityRelation } from "../model/types";
import { applyFields } from "./entity-paths";
import { relationsOfSql } from "./relations-sql";

/** Attaches `relations` (Backstage shape) to stored entities in one query. */
export async function withRelations(
  db: SqlExecutor,
  rows: Array<{ ref: string; entity: Entity }>,
): Promise<Entity[]> {
  if (rows.length === 0) return [];
  const rels = await db.$queryRawUnsafe<Array<{ source_ref: string; type: string; target_ref: string }>>(
    `SELECT source_ref, type, target_ref FROM (${relationsOfSql("$1::text[]")}) r
     ORDER BY source_ref, type, target_ref`,
    rows.map((r) => r.ref),
  );
  const bySource = new Map<string, EntityRelation[]>();
  for (const r of rels) {
    const list = bySource.get(r.source_ref) ?? [];
    list.push({ type: r.type, targetRef: r.target_ref });
    bySource.set(r.source_ref, list);
  }
  return rows.map((r) => ({ ...r.entity, relations: bySource.get(r.ref) ?? [] }));
}

/** Skips the relations query when the requested fields cannot include them. */
export async function toResponseEntities(
  db: SqlExecutor,
  rows: Array<{ ref: string; entity: Entity }>,
  fields: string[] | undefined,
): Promise<Entity[]> {
  const needsRelations =
    !fields || fields.length === 0 || fields.some((f) => f === "relations" || f.startsWith("relations."));
  const entities = needsRelations ? await withRelations(db, rows) : rows.map((r) => r.entity);
  return entities.map((e) => applyFields(e, fields) as Entity);
}
