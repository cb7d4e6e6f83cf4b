import type { SqlExecutor } from "../db/sql-client";
import { locationKey, parseLocationKey, resolveRelative } from "../ingest/location-target";
import type { LocationSpec } from "../ingest/types";
import { ANNOTATION_LOCATION, DEFAULT_NAMESPACE } from "../model/constants";
import { stringifyEntityRef } from "../model/entity-ref";
import type { Entity } from "../model/types";
import { withRelations } from "./load-entities";

/** Backstage's `GET /entities/by-name/:kind/:namespace/:name/ancestry` response. */
export interface EntityAncestry {
  rootEntityRef: string;
  items: Array<{ entity: Entity; parentEntityRefs: string[] }>;
}

interface Row {
  ref: string;
  entity: Entity;
  orphan: boolean;
  location_id: string | null;
  /** The registered location's generated Location entity, and the location itself. */
  location_entity_ref: string | null;
  location_type: string | null;
  location_target: string | null;
}

const SELECT = `SELECT e.ref, e.entity, e.orphan, e.location_id::text AS location_id,
    l.entity_ref AS location_entity_ref, l.type AS location_type, l.target AS location_target
  FROM catalog_entities e LEFT JOIN catalog_locations l ON l.id = e.location_id`;

function fileKeyOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[ANNOTATION_LOCATION];
}

/** Location keys a stored Location entity points at, resolved like the reader resolved them. */
function targetKeys(location: Entity): string[] {
  const own = fileKeyOf(location);
  if (!own) return [];
  let base: LocationSpec;
  try {
    base = parseLocationKey(own);
  } catch {
    return [];
  }
  const spec = (location.spec ?? {}) as { type?: string; target?: unknown; targets?: unknown };
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
    (t): t is string => typeof t === "string" && t.length > 0,
  );
  const keys: string[] = [];
  for (const target of targets) {
    try {
      keys.push(locationKey(resolveRelative(base, target, spec.type)));
    } catch {
      // A target the reader refused emitted nothing, so it is nobody's parent.
    }
  }
  return keys;
}

/**
 * Backstage's ancestry is the chain of processing parents: the entity was emitted by the
 * Location entity whose target is the file it is in, that one by its own parent, up to the
 * Location entity generated for the registered location (which a provider emitted, so it has
 * no parent). Portico keeps exactly what is needed to rebuild that chain: the entity's
 * location (location_id), the file it came from (managed-by-location) and the stored
 * Location entities of the same location with their targets.
 *
 * Orphans have no parent, as in Backstage (their parent stopped emitting them), and parents
 * that are not stored are left out, as Backstage's join against final entities does.
 */
export async function getEntityAncestry(
  db: SqlExecutor,
  name: { kind: string; namespace?: string; name: string },
): Promise<EntityAncestry | null> {
  const rootRef = stringifyEntityRef({ ...name, namespace: name.namespace ?? DEFAULT_NAMESPACE });
  const [root] = await db.$queryRawUnsafe<Row[]>(`${SELECT} WHERE e.ref = $1`, rootRef);
  if (!root) return null;

  // Per location: its stored Location entities, loaded once however long the chain is.
  const locationEntities = new Map<string, Row[]>();
  async function locationsOf(locationId: string): Promise<Row[]> {
    let rows = locationEntities.get(locationId);
    if (!rows) {
      rows = await db.$queryRawUnsafe<Row[]>(
        `${SELECT} WHERE e.location_id = $1::uuid AND e.kind = 'location' ORDER BY e.ref`,
        locationId,
      );
      locationEntities.set(locationId, rows);
    }
    return rows;
  }

  async function parentsOf(row: Row): Promise<Row[]> {
    if (row.orphan || !row.location_id || !row.location_type || !row.location_target) return [];
    if (row.ref === row.location_entity_ref) return [];
    const file = fileKeyOf(row.entity);
    if (!file) return [];
    const candidates = await locationsOf(row.location_id);
    if (file === locationKey({ type: row.location_type, target: row.location_target } as LocationSpec)) {
      // The root file is read for the generated Location entity.
      return candidates.filter((c) => c.ref === row.location_entity_ref);
    }
    return candidates.filter(
      (c) => c.ref !== row.ref && c.ref !== row.location_entity_ref && targetKeys(c.entity).includes(file),
    );
  }

  // Same walk as Backstage's entityAncestry: root first, then a depth-first stack of parents.
  const seen = new Set<string>([root.ref]);
  const todo: Row[] = [];
  const items: Array<{ row: Row; parentEntityRefs: string[] }> = [];
  for (let current: Row | undefined = root; current; current = todo.pop()) {
    const parents = await parentsOf(current);
    for (const parent of parents) {
      if (seen.has(parent.ref)) continue;
      seen.add(parent.ref);
      todo.push(parent);
    }
    items.push({ row: current, parentEntityRefs: parents.map((p) => p.ref) });
  }

  const entities = await withRelations(
    db,
    items.map((i) => i.row),
  );
  return {
    rootEntityRef: root.ref,
    items: items.map((item, i) => ({ entity: entities[i], parentEntityRefs: item.parentEntityRefs })),
  };
}
