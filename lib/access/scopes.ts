/**
 * What a principal may do, as scopes (API tokens carry a subset) and roles
 * (people get one from their IdP groups). A role is just a named set of scopes,
 * so routes only ever declare a scope.
 */
export const SCOPES = [
  "catalog:read",
  "catalog:write",
  "scaffolder:run",
  "diagnose",
  "chat",
  "cluster:read",
  "admin",
] as const;

export type Scope = (typeof SCOPES)[number];

export const ROLES = ["admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const VIEWER: Scope[] = ["catalog:read", "cluster:read"];
const MEMBER: Scope[] = [...VIEWER, "catalog:write", "scaffolder:run", "diagnose", "chat"];

export const ROLE_SCOPES: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(VIEWER),
  member: new Set(MEMBER),
  admin: new Set(SCOPES),
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** `admin` implies every other scope. */
export function hasScope(scopes: ReadonlySet<Scope>, needed: Scope): boolean {
  return scopes.has(needed) || scopes.has("admin");
}

/** A token's scopes reduced to what its role still allows (a viewer's token cannot write). */
export function scopesForRole(role: Role, wanted: Iterable<Scope>): Set<Scope> {
  const allowed = ROLE_SCOPES[role];
  return new Set([...wanted].filter((s) => allowed.has(s)));
}

const groupName = (g: string) => {
  const lower = g.trim().toLowerCase();
  // Accept `group:default/platform`, `default/platform` and `platform` alike.
  const slash = lower.lastIndexOf("/");
  const colon = lower.lastIndexOf(":");
  return lower.slice(Math.max(slash, colon) + 1);
};

/** Admin wins over viewer; anyone in neither list is a member. */
export function roleFromGroups(
  groups: readonly string[],
  mapping: { adminGroups: readonly string[]; viewerGroups: readonly string[] },
): Role {
  const mine = new Set(groups.map(groupName));
  if (mapping.adminGroups.some((g) => mine.has(groupName(g)))) return "admin";
  if (mapping.viewerGroups.some((g) => mine.has(groupName(g)))) return "viewer";
  return "member";
}
