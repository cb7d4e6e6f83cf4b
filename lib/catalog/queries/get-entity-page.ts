import type { SqlExecutor } from "../db/sql-client";
import { tryCanonicalRef } from "../model/entity-ref";
import type { Entity } from "../model/types";
import { getEntityByRef } from "./get-entity";
import { relationsOfSql } from "./relations-sql";

export interface RelatedEntity {
  ref: string;
  kind: string | null;
  name: string | null;
  namespace: string | null;
  title: string | null;
  type: string | null;
  /** False when the target is not in the catalog (kept and shown, never dropped). */
  resolved: boolean;
}

export interface EntityRelationView extends RelatedEntity {
  relation: string;
}

/** Relations shown per type; a root group at 100k entities has thousands of children. */
export const RELATIONS_PER_TYPE = 100;

export interface EntityPage {
  entity: Entity;
  orphan: boolean;
  /** At most RELATIONS_PER_TYPE of each type, by target ref. */
  relations: EntityRelationView[];
  /** How many relations of each type the entity has in all. */
  relationTotals: Record<string, number>;
  unresolved: EntityRelationView[];
  owner: RelatedEntity | null;
  /** Group: users with memberOf this group. */
  members: RelatedEntity[];
  /** Group: child groups. */
  childGroups: RelatedEntity[];
  /** User: groups the user is a member of. */
  groups: RelatedEntity[];
  /** Group/User: entities they own. */
  owned: RelatedEntity[];
}

type Row = Omit<EntityRelationView, "resolved"> & { resolved: boolean };

/** Everything an entity page shows, with each relation target's title/kind resolved by a join. */
export async function getEntityPage(
  db: SqlExecutor,
  refInput: string,
  options: { perType?: number } = {},
): Promise<EntityPage | null> {
  const perType = Math.max(1, Math.floor(options.perType ?? RELATIONS_PER_TYPE));
  const ref = tryCanonicalRef(refInput);
  if (!ref) return null;
  const [entity, rows, flags] = await Promise.all([
    getEntityByRef(db, ref),
    db.$queryRawUnsafe<Array<Row & { total: number }>>(
      `SELECT r.type AS relation, r.target_ref AS ref, t.entity->>'kind' AS kind,
         t.entity->'metadata'->>'name' AS name, t.entity->'metadata'->>'namespace' AS namespace,
         t.title, t.entity->'spec'->>'type' AS type, (t.ref IS NOT NULL) AS resolved, r.total
       FROM (SELECT x.*, row_number() OVER (PARTITION BY x.type ORDER BY x.target_ref) AS rn,
           (count(*) OVER (PARTITION BY x.type))::int AS total
         FROM (${relationsOfSql("$1::text[]")}) x) r
       LEFT JOIN catalog_entities t ON t.ref = r.target_ref
       WHERE r.rn <= ${perType}
       ORDER BY r.type, r.target_ref`,
      [ref],
    ),
    db.$queryRawUnsafe<Array<{ orphan: boolean }>>(`SELECT orphan FROM catalog_entities WHERE ref = $1`, ref),
  ]);
  if (!entity) return null;
  const view = (r: Row): RelatedEntity => ({
    ref: r.ref,
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    title: r.title,
    type: r.type,
    resolved: r.resolved,
  });
  const of = (type: string) => rows.filter((r) => r.relation === type).map(view);
  const relationTotals: Record<string, number> = {};
  for (const r of rows) relationTotals[r.relation] = r.total;
  const kind = entity.kind.toLowerCase();
  const ownerRow = rows.find((r) => r.relation === "ownedBy");
  return {
    entity,
    orphan: flags[0]?.orphan ?? false,
    relations: rows.map(({ total: _total, ...r }) => r),
    relationTotals,
    unresolved: rows.filter((r) => !r.resolved),
    owner: ownerRow ? view(ownerRow) : null,
    members: kind === "group" ? of("hasMember") : [],
    childGroups: kind === "group" ? of("parentOf") : [],
    groups: kind === "user" ? of("memberOf") : [],
    owned: kind === "group" || kind === "user" ? of("ownerOf") : [],
  };
}
