import type { RateLimitBucket } from "./rate-limit";
import type { Scope } from "./scopes";

/**
 * What a route needs, declared once in `withRoute(name, access, handler)`:
 * - `{ scope }`: a principal holding that scope (`admin` holds all);
 * - `{ authenticated: true }`: any principal (own tokens, `GET /api/me`);
 * - `{ public: true }`: nobody; only the health probes, the OpenAPI document and
 *   the sign-in endpoints.
 * `rateLimit` adds the per-principal and per-IP budget of that bucket.
 */
export type PublicAccess = { public: true; rateLimit?: RateLimitBucket };
export type ScopedAccess =
  | { scope: Scope; rateLimit?: RateLimitBucket }
  | { authenticated: true; rateLimit?: RateLimitBucket };
export type RouteAccess = PublicAccess | ScopedAccess;

export const isPublicAccess = (a: RouteAccess): a is PublicAccess => "public" in a && a.public === true;

export const requiredScope = (a: RouteAccess): Scope | null => ("scope" in a ? a.scope : null);

export function describeAccess(a: RouteAccess): string {
  if (isPublicAccess(a)) return "public";
  return "scope" in a ? `scope ${a.scope}` : "any signed-in principal or token";
}
