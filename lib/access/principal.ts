import { ROLE_SCOPES, type Role, type Scope } from "./scopes";

/**
 * Who is asking. Every authenticated request resolves to one of these, whatever
 * the credential: the local admin (local mode), a signed-in person (OIDC session),
 * a person's API token (acts as that person with fewer scopes), a service token
 * (its own principal) or the bootstrap token.
 */
export interface Principal {
  /** Stable id used for ownership of conversations, tokens and audit entries. */
  id: string;
  kind: "local" | "user" | "service" | "bootstrap";
  name: string;
  email: string | null;
  role: Role;
  scopes: ReadonlySet<Scope>;
  via: "local" | "session" | "token";
  tokenId: string | null;
  /** Group names from the IdP's groups claim (people only). */
  idpGroups: readonly string[];
  /** Per-token override of PORTICO_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: number | null;
  /** The bootstrap token is for automation that must never be throttled. */
  rateLimited: boolean;
}

export const LOCAL_ADMIN_ID = "local:admin";

export function localAdmin(): Principal {
  return {
    id: LOCAL_ADMIN_ID,
    kind: "local",
    name: "Local admin",
    email: null,
    role: "admin",
    scopes: ROLE_SCOPES.admin,
    via: "local",
    tokenId: null,
    idpGroups: [],
    rateLimitPerMinute: null,
    rateLimited: true,
  };
}

export function bootstrapPrincipal(): Principal {
  return {
    id: "bootstrap",
    kind: "bootstrap",
    name: "Bootstrap token",
    email: null,
    role: "admin",
    scopes: ROLE_SCOPES.admin,
    via: "token",
    tokenId: null,
    idpGroups: [],
    rateLimitPerMinute: null,
    rateLimited: false,
  };
}

/** What the UI and `GET /api/me` may see of a principal. */
export function describePrincipal(p: Principal) {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    email: p.email,
    role: p.role,
    scopes: [...p.scopes].sort(),
    via: p.via,
  };
}
