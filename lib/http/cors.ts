/**
 * CORS with an explicit allowlist: browsers on other origins may call the API
 * only when their exact origin is configured ("*" allows any, for public
 * read-only deployments). Same-origin requests need no headers at all.
 */
export function corsHeaders(origin: string | null, allowlist: string[]): Record<string, string> {
  if (!origin) return {};
  const allowed = allowlist.includes("*") || allowlist.includes(origin);
  if (!allowed) return {};
  return {
    "Access-Control-Allow-Origin": allowlist.includes("*") ? "*" : origin,
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Authorization, X-Request-Id",
    "Access-Control-Expose-Headers": "X-Request-Id",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}

export function isOriginAllowed(origin: string | null, allowlist: string[]): boolean {
  return !origin || allowlist.includes("*") || allowlist.includes(origin);
}
