import { forbidden } from "./errors";
import type { Principal } from "./principal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Session cookies ride along with any request the browser makes, so a write
 * authenticated by a cookie must prove it came from our own pages: the browser's
 * Origin (or Sec-Fetch-Site) must be this site. "This site" is the configured
 * public origin and its loopback aliases (config.http.sameOrigins), never the
 * request's own URL, whose host a client or a misconfigured proxy chooses.
 * Bearer tokens are not sent automatically and need no such proof; local mode
 * has no cookie to steal.
 */
export function assertSameOriginWrite(req: Request, principal: Principal, sameOrigins: readonly string[]) {
  if (principal.via !== "session" || SAFE_METHODS.has(req.method)) return;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return;
  const origin = req.headers.get("origin");
  if (origin && sameOrigins.includes(origin)) return;
  throw forbidden(
    "Cross-site request refused: cookie-authenticated writes must come from Portico's own pages",
    {
      code: "csrf",
    },
  );
}
