import type { Principal } from "@/lib/access/principal";
import { ROLE_SCOPES, type Role } from "@/lib/access/scopes";
import { createApiToken } from "@/lib/access/tokens";
import type { Db } from "@/lib/db/client";

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

/** API tokens for the cast the access tests share: alice and bob (members), vera (viewer). */
export async function issuePeopleTokens(db: Db, into: Record<string, string>): Promise<void> {
  for (const [name, role] of [
    ["alice", "member"],
    ["bob", "member"],
    ["vera", "viewer"],
  ] as const) {
    into[name] = (
      await createApiToken(db, person(name, role), { name, scopes: [...ROLE_SCOPES[role]] })
    ).token;
  }
}
