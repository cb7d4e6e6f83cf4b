import { knownKind } from "./constants";
import { parseEntityRef, stringifyEntityRef } from "./entity-ref";
import type { Entity } from "./types";

/** Each relation type paired with the inverse Backstage emits on the other side. */
export const RELATION_PAIRS = [
  ["ownedBy", "ownerOf"],
  ["providesApi", "apiProvidedBy"],
  ["consumesApi", "apiConsumedBy"],
  ["dependsOn", "dependencyOf"],
  ["partOf", "hasPart"],
  ["parentOf", "childOf"],
  ["memberOf", "hasMember"],
] as const;

const INVERSE = new Map<string, string>(
  RELATION_PAIRS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]),
);

export function inverseRelation(type: string): string {
  const inverse = INVERSE.get(type);
  if (!inverse) throw new Error(`Unknown relation type "${type}"`);
  return inverse;
}

interface FieldRule {
  field: string;
  /** Undefined means the reference must carry its own kind (Backstage does this for dependsOn). */
  defaultKind?: string;
  relation: string;
  /** Kinds the target may have; others are a violation. */
  allowedKinds?: string[];
}

const OWNER: FieldRule = { field: "owner", defaultKind: "Group", relation: "ownedBy" };
const SYSTEM: FieldRule = { field: "system", defaultKind: "System", relation: "partOf" };
const DEPENDS_ON: FieldRule = {
  field: "dependsOn",
  relation: "dependsOn",
  allowedKinds: ["Component", "Resource"],
};
const DEPENDENCY_OF: FieldRule = {
  field: "dependencyOf",
  relation: "dependencyOf",
  allowedKinds: ["Component", "Resource"],
};

export const RELATION_FIELD_RULES: Record<string, FieldRule[]> = {
  Component: [
    OWNER,
    SYSTEM,
    { field: "subcomponentOf", defaultKind: "Component", relation: "partOf" },
    { field: "providesApis", defaultKind: "API", relation: "providesApi" },
    { field: "consumesApis", defaultKind: "API", relation: "consumesApi" },
    DEPENDS_ON,
    DEPENDENCY_OF,
  ],
  API: [OWNER, SYSTEM],
  Resource: [OWNER, SYSTEM, DEPENDS_ON, DEPENDENCY_OF],
  System: [OWNER, { field: "domain", defaultKind: "Domain", relation: "partOf" }],
  Domain: [OWNER, { field: "subdomainOf", defaultKind: "Domain", relation: "partOf" }],
  Group: [
    { field: "parent", defaultKind: "Group", relation: "childOf" },
    { field: "children", defaultKind: "Group", relation: "parentOf" },
    { field: "members", defaultKind: "User", relation: "hasMember" },
  ],
  User: [{ field: "memberOf", defaultKind: "Group", relation: "memberOf" }],
  Template: [OWNER],
  Location: [],
};

export interface RelationRow {
  sourceRef: string;
  type: string;
  targetRef: string;
}

export interface RelationProblem {
  path: string;
  message: string;
}

/** The relation refs named by one spec field, with the array index in the path when it is a list. */
function fieldValues(spec: Record<string, unknown>, field: string): Array<{ path: string; value: unknown }> {
  const raw = spec[field];
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw.map((value, i) => ({ path: `spec.${field}.${i}`, value }));
  return [{ path: `spec.${field}`, value: raw }];
}

/**
 * Emits both directions for every spec reference (the entity's own relation and the
 * inverse on the target), like Backstage's BuiltinKindsEntityProcessor.
 */
export function buildRelations(entity: Entity): { rows: RelationRow[]; problems: RelationProblem[] } {
  const kind = knownKind(entity.kind);
  const rules = kind ? RELATION_FIELD_RULES[kind] : [];
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const self = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace;
  const rows: RelationRow[] = [];
  const problems: RelationProblem[] = [];
  const seen = new Set<string>();
  const push = (row: RelationRow) => {
    const key = `${row.sourceRef}|${row.type}|${row.targetRef}`;
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(row);
    }
  };
  for (const rule of rules) {
    for (const { path, value } of fieldValues(spec, rule.field)) {
      if (typeof value !== "string" || value.length === 0) continue;
      let target: string;
      try {
        const parsed = parseEntityRef(value, { defaultKind: rule.defaultKind, defaultNamespace: namespace });
        if (
          rule.allowedKinds &&
          !rule.allowedKinds.some((k) => k.toLowerCase() === parsed.kind.toLowerCase())
        ) {
          problems.push({
            path,
            message: `Entity reference "${value}" must point to one of the kinds ${rule.allowedKinds.join(", ")}`,
          });
          continue;
        }
        target = stringifyEntityRef(parsed);
      } catch (error) {
        problems.push({ path, message: (error as Error).message });
        continue;
      }
      push({ sourceRef: self, type: rule.relation, targetRef: target });
      push({ sourceRef: target, type: inverseRelation(rule.relation), targetRef: self });
    }
  }
  return { rows, problems };
}
