import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { clientIp } from "./client-ip";
import { assertSameOriginWrite } from "./csrf";
import { forbidden, tooManyRequests, unauthorized } from "./errors";
import type { Principal } from "./principal";
import { getRateLimiterStore } from "./rate-limit";
import { resolvePrincipal } from "./resolve-principal";
import { isPublicAccess, type RouteAccess, requiredScope } from "./route-access";
import { hasScope } from "./scopes";

async function sessionPrincipal(headers: Headers): Promise<Principal | null> {
  const { principalFromSession } = await import("./oidc/session");
  return principalFromSession(headers);
}

/**
 * The access check every route runs before its handler (called by withRoute):
 * who is asking (401 when nobody is and the route is not public), may they
 * (403), did the write come from our own pages (403), and are they within
 * their request budget (429).
 */
export async function authorizeRequest(req: Request, access: RouteAccess): Promise<Principal | null> {
  const config = getServerConfig();
  const auth = config.auth;
  let principal: Principal | null = null;
  if (!isPublicAccess(access)) {
    principal = await resolvePrincipal(req, {
      auth,
      db: getDb,
      session: auth.mode === "oidc" ? sessionPrincipal : undefined,
    });
    if (!principal) throw unauthorized();
    const scope = requiredScope(access);
    if (scope && !hasScope(principal.scopes, scope)) {
      throw forbidden(
        `This needs the ${scope} scope; you have ${[...principal.scopes].join(", ") || "none"}`,
        {
          required_scope: scope,
          role: principal.role,
        },
      );
    }
    assertSameOriginWrite(req, principal, config.http.sameOrigins);
  }
  if (access.rateLimit && principal?.rateLimited !== false) {
    const store = await getRateLimiterStore(auth, getDb);
    const points = principal?.rateLimitPerMinute ?? auth.rateLimitPerMinute;
    const keys = [`${access.rateLimit}:ip:${clientIp(req.headers)}`];
    if (principal) keys.push(`${access.rateLimit}:p:${principal.id}`);
    for (const key of keys) {
      const decision = await store.consume(key, points);
      if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds, access.rateLimit);
    }
  }
  return principal;
}
