/**
 * The client address for per-IP limits and the audit log. Next.js sets
 * X-Forwarded-For to the socket address only when the request has none, so a
 * client-supplied header survives: without a trusted proxy in front, the per-IP
 * key is only as good as the client's honesty, which is why every limit is also
 * applied per principal.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  const ip = first || headers.get("x-real-ip")?.trim() || "unknown";
  // Bounded: it becomes part of a rate-limit key (varchar 255) and an audit column.
  return ip.slice(0, 64);
}
