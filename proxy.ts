import { type NextRequest, NextResponse } from "next/server";
import { pageNeedsSignIn } from "@/lib/access/page-gate";
import { PATHNAME_HEADER } from "@/lib/access/page-paths";
import { getServerConfig } from "@/lib/config/server-config";
import { bodyExceeds, maxBodyBytes } from "@/lib/http/body-limit";
import { corsHeaders, isOriginAllowed } from "@/lib/http/cors";
import { checkHost, FORWARDED_HEADERS, isSameOrigin } from "@/lib/http/host-guard";
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  createNonce,
  pageNeedsEval,
  transportSecurityHeader,
} from "@/lib/http/security-headers";

const errorJson = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  NextResponse.json({ error: { code, message } }, { status, headers });

/**
 * The network boundary, before routing, for pages and APIs:
 * 1. Host check (DNS rebinding): only PORTICO_PUBLIC_URL's host and loopback aliases, 421
 *    otherwise; the health probe is exempt. X-Forwarded-* are dropped unless trusted.
 * 2. /api: CORS (preflights, allow headers; cross-origin writes from origins outside
 *    PORTICO_CORS_ORIGINS refused, since browsers would hide only the answer, not the side
 *    effect) and the body ceiling (413 before any route reads it).
 * 3. Pages: the sign-in gate in oidc mode (here, because client-side navigation never
 *    re-runs the root layout's check), and a per-request CSP nonce, handed to Next through
 *    the request's CSP header.
 */
export async function proxy(req: NextRequest) {
  const config = getServerConfig();
  const policy = config.http;
  const pathname = req.nextUrl.pathname;
  const secure = transportSecurityHeader(policy.publicOrigin);

  const host = checkHost(pathname, req.headers, policy);
  if (!host.ok) return errorJson(host.status, host.code, host.message, secure);

  const requestHeaders = new Headers(req.headers);
  if (!policy.trustProxy) for (const name of FORWARDED_HEADERS) requestHeaders.delete(name);

  if (!pathname.startsWith("/api/")) {
    if (await pageNeedsSignIn(requestHeaders, pathname)) {
      const signIn = req.nextUrl.clone();
      signIn.pathname = "/sign-in";
      signIn.search = "";
      return NextResponse.redirect(signIn, { headers: secure });
    }
    // The root layout's sign-in gate needs to know which page it wraps (always overwritten here).
    requestHeaders.set(PATHNAME_HEADER, pathname);
    const nonce = createNonce();
    const csp = contentSecurityPolicy({
      nonce,
      dev: process.env.NODE_ENV !== "production",
      https: policy.publicOrigin.startsWith("https://"),
      allowEval: pageNeedsEval(pathname),
    });
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    const res = NextResponse.next({ request: { headers: requestHeaders } });
    res.headers.set("Content-Security-Policy", csp);
    for (const [k, v] of Object.entries(secure)) res.headers.set(k, v);
    return res;
  }

  const origin = req.headers.get("origin");
  const sameOrigin = isSameOrigin(origin, policy);
  const allowlist = policy.corsOrigins;
  const headers: Record<string, string> = {
    ...(sameOrigin ? {} : corsHeaders(origin, allowlist)),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...secure,
  };

  if (req.method === "OPTIONS") {
    return new NextResponse(null, {
      status: isOriginAllowed(origin, allowlist) || sameOrigin ? 204 : 403,
      headers,
    });
  }
  if (!sameOrigin && !isOriginAllowed(origin, allowlist) && !["GET", "HEAD"].includes(req.method)) {
    return errorJson(403, "origin_not_allowed", `Origin ${origin} is not in PORTICO_CORS_ORIGINS`, headers);
  }
  const limit = maxBodyBytes();
  if (!["GET", "HEAD"].includes(req.method) && (await bodyExceeds(req, limit))) {
    return errorJson(413, "payload_too_large", `Request body exceeds ${limit} bytes`, {
      ...headers,
      Connection: "close",
    });
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

// Everything but build assets and the health probe: the host check covers pages too. The probe
// is exempt from the host check and needs neither CORS nor the body ceiling; skipping the
// middleware there saves a probe most of its cost (withRoute sets its API headers instead).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/health$).*)"] };
