import type { AuthConfig } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";
import { unauthorized } from "./errors";
import { bootstrapPrincipal, localAdmin, type Principal } from "./principal";
import { hashTokenSecret, sameDigest } from "./token-secret";
import { principalForTokenSecret } from "./tokens";

export interface ResolveDeps {
  auth: AuthConfig;
  db: () => Db;
  /** OIDC session lookup from the request's cookies (Better Auth); undefined in local mode. */
  session?: (headers: Headers) => Promise<Principal | null>;
}

// The bootstrap token is compared as a digest so the plaintext is not kept around after boot.
let bootstrapDigest: { source: string; digest: string } | undefined;
function bootstrapMatches(auth: AuthConfig, secret: string): boolean {
  if (!auth.bootstrapToken) return false;
  if (bootstrapDigest?.source !== auth.bootstrapToken) {
    bootstrapDigest = { source: auth.bootstrapToken, digest: hashTokenSecret(auth.bootstrapToken) };
  }
  return sameDigest(hashTokenSecret(secret), bootstrapDigest.digest);
}

export function bearerSecret(headers: Headers): string | null | undefined {
  const header = headers.get("authorization");
  if (header === null) return undefined;
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header);
  return match ? match[1] : null;
}

/**
 * The principal behind a request, or null when it carries no credentials.
 * A credential that is present but wrong (malformed, unknown, expired, revoked)
 * is a 401 even in local mode: a client that sends a token expects it to count.
 */
export async function resolvePrincipal(req: Request, deps: ResolveDeps): Promise<Principal | null> {
  const secret = bearerSecret(req.headers);
  if (secret === null) throw unauthorized("Authorization header must be `Bearer <token>`");
  if (secret !== undefined) {
    if (bootstrapMatches(deps.auth, secret)) return bootstrapPrincipal();
    const principal = await principalForTokenSecret(deps.db(), secret);
    if (!principal) throw unauthorized("The API token is unknown, expired or revoked");
    return principal;
  }
  if (deps.auth.mode === "local") return localAdmin();
  return deps.session ? deps.session(req.headers) : null;
}
