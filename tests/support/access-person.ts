import type { Principal } from "@/lib/access/principal";
import { ROLE_SCOPES, type Role } from "@/lib/access/scopes";

/** A signed-in person as the session would resolve them (`user:<name>`, `<name>@example.com`). */
export function person(name: string, role: Role): Principal {
  return {
    id: `user:${name}`,
    kind: "user",
    name,
    email: `${name}@example.com`,
    role,
    scopes: ROLE_SCOPES[role],
    via: "session",
    tokenId: null,
    idpGroups: [],
    rateLimitPerMinute: null,
    rateLimited: true,
  };
}
