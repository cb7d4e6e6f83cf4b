import { forbidden } from "./errors";
import type { Principal } from "./principal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Session cookies ride along with any request the browser makes, so a write
 * authenticated by a cookie must prove it came from our own pages: the browser's
 * Origin (or Sec-Fetch-Site) must be this site. Bearer tokens are not sent
 * automatically and need no such proof; local mode has no cookie to steal.
 */
export function assertSameOriginWrite(req: Request, principal: Principal, publicOrigin: string | undefined) {
  if (principal.via !== "session" || SAFE_METHODS.has(req.method)) return;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const origin = req.headers.get("origin");
  const own = publicOrigin ?? new URL(req.url).origin;
  if (origin && origin === own) return;
  throw forbidden(
    "Cross-site request refused: cookie-authenticated writes must come from Portico's own pages",
    {
      code: "csrf",
    },
  );
}
