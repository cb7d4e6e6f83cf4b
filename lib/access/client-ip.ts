/** Set by handleAuthRequest for Better Auth, which reads the client address from one header. */
export const CLIENT_IP_HEADER = "x-portico-client-ip";

/**
 * The client address for per-IP limits and the audit log: the last entry of
 * X-Forwarded-For as the route handler sees it.
 * - Without PORTICO_TRUST_PROXY, proxy.ts deletes the client's X-Forwarded-For
 *   and Next.js then sets it to the socket's remote address before the handler
 *   runs (next/dist/server/base-server: `x-forwarded-for ??= socket.remoteAddress`,
 *   applied after proxy.ts's header rewrite), so it is the TCP peer, which a
 *   client cannot choose (tests/e2e/http-hardening.spec.ts checks this through
 *   the real server).
 * - Behind a trusted proxy the header is the proxy's, and its last entry is the
 *   address the proxy itself saw: proxies append to what the client sent, so any
 *   earlier entry may be forged.
 * There is no fallback to X-Real-IP or the like: proxy.ts does not strip those.
 */
export function clientIp(headers: Headers): string {
  const entries = headers.get("x-forwarded-for")?.split(",") ?? [];
  const ip = entries[entries.length - 1]?.trim() || "unknown";
  // Bounded: it becomes part of a rate-limit key (varchar 255) and an audit column.
  return ip.slice(0, 64);
}
