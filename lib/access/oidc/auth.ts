import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { type AuthConfig, getServerConfig } from "@/lib/config/server-config";
import { type Db, getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { recordAudit } from "../audit";
import { CLIENT_IP_HEADER } from "../client-ip";
import { roleFromGroups } from "../scopes";

export const OIDC_PROVIDER_ID = "oidc";

/** Group names from a claim that may be an array, a comma/space separated string or absent. */
export function groupsFromClaim(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
  return list
    .filter((g): g is string => typeof g === "string" && g.trim() !== "")
    .map((g) => g.trim().slice(0, 200))
    .slice(0, 500);
}

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** Claims of a JWT already verified by Better Auth at sign-in (we only read them). */
export function jwtClaims(token: string | null | undefined): Record<string, unknown> {
  const payload = token?.split(".")[1];
  if (!payload) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * After every sign-in: groups come from this sign-in's ID token (the groups claim),
 * the role follows them (a person moved to the admin group is admin at their next
 * sign-in), and both the sign-in and any role change are audited. Groups and role
 * are written here, never from request input, so nobody can set their own.
 */
export async function afterSignIn(db: Db, auth: AuthConfig, userId: string, ip: string | null) {
  const user = await db.authUser.findUnique({ where: { id: userId } });
  if (!user) return;
  const account = await db.authAccount.findFirst({
    where: { userId, providerId: OIDC_PROVIDER_ID },
    orderBy: { updatedAt: "desc" },
  });
  const groups = account?.idToken
    ? groupsFromClaim(jwtClaims(account.idToken)[auth.oidc.groupsClaim])
    : user.groups;
  const role = roleFromGroups(groups, auth);
  const actor = { id: `user:${user.id}`, name: user.email };
  await db.authUser.update({ where: { id: user.id }, data: { role, groups } });
  if (role !== user.role) {
    await recordAudit(db, actor, {
      action: "role.change",
      target: `user:${user.id}`,
      ip,
      details: { from: user.role, to: role, groups: groups.slice(0, 50) },
    });
  }
  await recordAudit(db, actor, { action: "auth.sign-in", target: user.email, ip, details: { role } });
}

function createAuth(config = getServerConfig()) {
  const auth = config.auth;
  const { issuerUrl, clientId, clientSecret, scopes } = auth.oidc;
  if (!issuerUrl || !clientId || !clientSecret || !auth.secret) {
    throw new Error(
      "OIDC is not configured (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PORTICO_AUTH_SECRET)",
    );
  }
  const db = getDb();
  return betterAuth({
    appName: "Portico",
    secret: auth.secret,
    // The public URL, never the request's Host: the OIDC redirect_uri registered at the IdP is
    // built from it, and cookies are Secure (__Secure- prefixed) exactly when it is https.
    baseURL: config.http.publicOrigin,
    basePath: "/api/auth",
    // Better Auth's own CSRF/origin check (cookie-bearing POSTs, callbackURL/errorCallbackURL)
    // accepts the same origins as the API's (lib/access/csrf.ts): the public one and loopback aliases.
    trustedOrigins: [...config.http.sameOrigins],
    database: prismaAdapter(db, { provider: "postgresql" }),
    user: {
      modelName: "authUser",
      additionalFields: {
        groups: { type: "string[]", required: false, input: false, defaultValue: [] },
        role: { type: "string", required: false, input: false, defaultValue: "member" },
      },
    },
    session: { modelName: "authSession", expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    account: { modelName: "authAccount" },
    verification: { modelName: "authVerification" },
    // Sessions are rows in Postgres, so every replica sees a sign-out at once; no cookie cache.
    // Portico's own limiter (lib/access/rate-limit) covers sign-in, shared across replicas.
    rateLimit: { enabled: false },
    // The address lib/access/client-ip.ts derives, set by handleAuthRequest on every request it passes on.
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Explicit: Better Auth turns its origin check off by default when NODE_ENV is "test".
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    onAPIError: { errorURL: "/sign-in" },
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: OIDC_PROVIDER_ID,
            name: "Single sign-on",
            discoveryUrl: discoveryUrl(issuerUrl),
            clientId,
            clientSecret,
            scopes,
            pkce: true,
            overrideUserInfo: true,
            mapProfileToUser: (profile) => ({
              name:
                typeof profile.name === "string" && profile.name ? profile.name : String(profile.email ?? ""),
            }),
          },
        ],
      }),
    ],
    databaseHooks: {
      session: {
        create: {
          after: async (session) => {
            const ip = session.ipAddress ?? null;
            await afterSignIn(db, auth, session.userId, ip).catch((err) =>
              logger.error({ err }, "post sign-in bookkeeping failed"),
            );
          },
        },
      },
    },
  });
}

export type PorticoAuth = ReturnType<typeof createAuth>;

const holder = globalThis as { __porticoAuth?: PorticoAuth };

/**
 * Built on first use, not at boot: the issuer's discovery document is fetched
 * then and retried by Better Auth on later sign-ins, so an unreachable IdP never
 * stops the portal from starting or serving API tokens.
 */
export function getAuth(): PorticoAuth {
  holder.__porticoAuth ??= createAuth();
  return holder.__porticoAuth;
}
