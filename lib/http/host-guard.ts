/**
 * DNS-rebinding defence: a page on `evil.example` whose DNS is switched to this server's
 * address sends `Host: evil.example` and `Origin: http://evil.example`. Only the public
 * URL's host (and loopback aliases) is served; same-origin means the public origin, never
 * "whatever Host the request claims".
 */
export interface HostPolicy {
  allowedHosts: readonly string[];
  sameOrigins: readonly string[];
  trustProxy: boolean;
}

export const FORWARDED_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for"] as const;

/** Health probes are exempt: the kubelet addresses the pod by IP. */
export function isHealthProbe(pathname: string): boolean {
  return pathname === "/api/health" || pathname === "/api/health/";
}

function firstValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}

/** The host the client addressed: X-Forwarded-Host only when a trusted proxy set it. */
export function requestHost(headers: Headers, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  return (forwarded ?? headers.get("host"))?.trim().toLowerCase() || null;
}

export type HostDecision =
  | { ok: true }
  | { ok: false; status: 421; code: "misdirected_request"; message: string };

export function checkHost(pathname: string, headers: Headers, policy: HostPolicy): HostDecision {
  if (isHealthProbe(pathname)) return { ok: true };
  const host = requestHost(headers, policy.trustProxy);
  // Hosts with a default port may arrive with or without ":80"/":443".
  const bare = host?.replace(/:(80|443)$/, "");
  if (host && (policy.allowedHosts.includes(host) || (bare && policy.allowedHosts.includes(bare)))) {
    return { ok: true };
  }
  return {
    ok: false,
    status: 421,
    code: "misdirected_request",
    message: `Host ${JSON.stringify((host ?? "").slice(0, 200))} is not served here; use PORTICO_PUBLIC_URL`,
  };
}

/** Same-origin is the configured public origin (or a loopback alias), whatever Host says. */
export function isSameOrigin(origin: string | null, policy: Pick<HostPolicy, "sameOrigins">): boolean {
  if (!origin) return false;
  try {
    return policy.sameOrigins.includes(new URL(origin).origin);
  } catch {
    return false;
  }
}
