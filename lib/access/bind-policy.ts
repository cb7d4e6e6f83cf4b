import type { AuthConfig } from "@/lib/config/server-config";

export function isLoopbackAddress(address: string): boolean {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return a === "localhost" || a === "::1" || /^127(\.\d{1,3}){3}$/.test(a) || a === "::ffff:127.0.0.1";
}

/** Where the server listens when PORTICO_BIND_ADDRESS is not set. */
export function defaultBindAddress(auth: AuthConfig): string {
  return auth.mode === "local" ? "127.0.0.1" : "0.0.0.0";
}

export type BindDecision = { allowed: true; warning: string | null } | { allowed: false; error: string };

/**
 * Local mode treats every request as the admin, so it must not be reachable from
 * the network: only loopback, unless explicitly (and loudly) overridden.
 */
export function decideBind(auth: AuthConfig, address: string): BindDecision {
  if (auth.mode !== "local" || isLoopbackAddress(address)) return { allowed: true, warning: null };
  if (auth.allowInsecureNetwork) {
    return {
      allowed: true,
      warning: `WARNING: PORTICO_AUTH_MODE=local on ${address} with PORTICO_ALLOW_INSECURE_NETWORK=true: anyone who can reach this address is the admin (no sign-in). Use PORTICO_AUTH_MODE=oidc for shared use.`,
    };
  }
  return {
    allowed: false,
    error: `Refusing to listen on ${address}: PORTICO_AUTH_MODE=local makes every request the admin, so it binds 127.0.0.1 only (set PORTICO_AUTH_MODE=oidc, or PORTICO_ALLOW_INSECURE_NETWORK=true to accept the risk).`,
  };
}
