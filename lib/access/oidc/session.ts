import type { Principal } from "../principal";
import { isRole, ROLE_SCOPES, type Role } from "../scopes";
import { getAuth } from "./auth";

/** The signed-in person behind the session cookie, or null (no cookie, expired, signed out). */
export async function principalFromSession(headers: Headers): Promise<Principal | null> {
  if (!headers.get("cookie")) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: unknown; groups?: unknown };
  const role: Role = typeof user.role === "string" && isRole(user.role) ? user.role : "member";
  return {
    id: `user:${user.id}`,
    kind: "user",
    name: user.name || user.email,
    email: user.email.toLowerCase(),
    role,
    scopes: ROLE_SCOPES[role],
    via: "session",
    tokenId: null,
    idpGroups: Array.isArray(user.groups)
      ? user.groups.filter((g): g is string => typeof g === "string")
      : [],
    rateLimitPerMinute: null,
    rateLimited: true,
  };
}
