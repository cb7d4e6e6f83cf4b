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

export interface EntityPage {
  entity: Entity;
  orphan: boolean;
  relations: EntityRelationView[];
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
export async function getEntityPage(db: SqlExecutor, refInput: string): Promise<EntityPage | null> {
  const ref = tryCanonicalRef(refInput);
  if (!ref) return null;
  const [entity, rows, flags] = await Promise.all([
    getEntityByRef(db, ref),
    db.$queryRawUnsafe<Row[]>(
      `SELECT DISTINCT r.type AS relation, r.target_ref AS ref, t.entity->>'kind' AS kind,
         t.entity->'metadata'->>'name' AS name, t.entity->'metadata'->>'namespace' AS namespace,
         t.title, t.entity->'spec'->>'type' AS type, (t.ref IS NOT NULL) AS resolved
       FROM (${relationsOfSql("$1::text[]")}) r LEFT JOIN catalog_entities t ON t.ref = r.target_ref
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
  const kind = entity.kind.toLowerCase();
  const ownerRow = rows.find((r) => r.relation === "ownedBy");
  return {
    entity,
    orphan: flags[0]?.orphan ?? false,
    relations: rows,
    unresolved: rows.filter((r) => !r.resolved),
    owner: ownerRow ? view(ownerRow) : null,
    members: kind === "group" ? of("hasMember") : [],
    childGroups: kind === "group" ? of("parentOf") : [],
    groups: kind === "user" ? of("memberOf") : [],
    owned: kind === "group" || kind === "user" ? of("ownerOf") : [],
  };
}
