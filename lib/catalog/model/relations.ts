import { DEFAULT_NAMESPACE, KNOWN_KINDS } from "./constants";
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

interface CompiledRule {
  field: string;
  defaultKind?: string;
  relation: string;
  inverse: string;
  /** Lower-cased allowedKinds. */
  allowedKinds?: string[];
  message?: string;
}

// Rules per lower-cased kind, resolved once: buildRelations runs twice per entity on every
// refresh (validation and the write), so it avoids per-call lookups and lower-casing.
const COMPILED_RULES = new Map<string, CompiledRule[]>(
  KNOWN_KINDS.map((kind) => [
    kind.toLowerCase(),
    RELATION_FIELD_RULES[kind].map((rule) => ({
      field: rule.field,
      defaultKind: rule.defaultKind,
      relation: rule.relation,
      inverse: inverseRelation(rule.relation),
      allowedKinds: rule.allowedKinds?.map((k) => k.toLowerCase()),
      message: rule.allowedKinds && `must point to one of the kinds ${rule.allowedKinds.join(", ")}`,
    })),
  ]),
);

/**
 * Canonical ref of `value` (parseEntityRef + stringifyEntityRef without the intermediate
 * objects), or undefined when it is malformed: parseEntityRef then throws the error to report.
 */
function canonicalRef(
  value: string,
  defaultKind: string | undefined,
  defaultNamespace: string | undefined,
): string | undefined {
  let colon = value.indexOf(":");
  const slash = value.indexOf("/");
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? defaultKind : value.slice(0, colon);
  let namespace = defaultNamespace ?? DEFAULT_NAMESPACE;
  if (slash !== -1) {
    namespace = value.slice(colon + 1, slash);
    if (namespace === "") return undefined;
  }
  const name = value.slice(Math.max(colon + 1, slash + 1));
  if (!kind || name === "") return undefined;
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/** Above this many rows duplicates are found with a Set; below, a scan is cheaper than building keys. */
const SCAN_LIMIT = 32;

/** Appends the row unless an equal one is already there. */
function pushDistinct(
  rows: RelationRow[],
  seen: Set<string> | undefined,
  sourceRef: string,
  type: string,
  targetRef: string,
): Set<string> | undefined {
  if (!seen && rows.length >= SCAN_LIMIT) {
    seen = new Set(rows.map((r) => `${r.sourceRef}|${r.type}|${r.targetRef}`));
  }
  if (seen) {
    const key = `${sourceRef}|${type}|${targetRef}`;
    if (seen.has(key)) return seen;
    seen.add(key);
  } else {
    for (const r of rows)
      if (r.targetRef === targetRef && r.sourceRef === sourceRef && r.type === type) return seen;
  }
  rows.push({ sourceRef, type, targetRef });
  return seen;
}

/**
 * Emits both directions for every spec reference (the entity's own relation and the
 * inverse on the target), like Backstage's BuiltinKindsEntityProcessor.
 */
export function buildRelations(entity: Entity): { rows: RelationRow[]; problems: RelationProblem[] } {
  const rules = COMPILED_RULES.get(entity.kind.toLowerCase()) ?? [];
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const self = stringifyEntityRef(entity);
  const namespace = entity.metadata.namespace;
  const rows: RelationRow[] = [];
  const problems: RelationProblem[] = [];
  let seen: Set<string> | undefined;
  for (const rule of rules) {
    const raw = spec[rule.field];
    if (raw === undefined || raw === null) continue;
    const list = Array.isArray(raw) ? (raw as unknown[]) : undefined;
    const count = list ? list.length : 1;
    for (let i = 0; i < count; i++) {
      const value = list ? list[i] : raw;
      if (typeof value !== "string" || value.length === 0) continue;
      const target = canonicalRef(value, rule.defaultKind, namespace);
      if (target === undefined || (rule.allowedKinds && !rule.allowedKinds.includes(kindOf(target)))) {
        problems.push({
          path: list ? `spec.${rule.field}.${i}` : `spec.${rule.field}`,
          message:
            target === undefined
              ? parseError(value, rule, namespace)
              : `Entity reference "${value}" ${rule.message}`,
        });
        continue;
      }
      seen = pushDistinct(rows, seen, self, rule.relation, target);
      seen = pushDistinct(rows, seen, target, rule.inverse, self);
    }
  }
  return { rows, problems };
}

const kindOf = (ref: string) => ref.slice(0, ref.indexOf(":"));

/** The message parseEntityRef gives for a malformed reference. */
function parseError(value: string, rule: CompiledRule, defaultNamespace: string | undefined): string {
  try {
    parseEntityRef(value, { defaultKind: rule.defaultKind, defaultNamespace });
  } catch (error) {
    return (error as Error).message;
  }
  return `Entity reference "${value}" could not be parsed`;
}
