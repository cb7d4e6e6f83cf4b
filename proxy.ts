import { type NextRequest, NextResponse } from "next/server";
import { PATHNAME_HEADER } from "@/lib/access/page-paths";
import { getServerConfig } from "@/lib/config/server-config";
import { corsHeaders, isOriginAllowed, isSameOrigin } from "@/lib/http/cors";

/**
 * CORS at the network boundary for every /api route: answer preflights and
 * attach allow headers, so route handlers never repeat it. Cross-origin
 * writes from origins outside PORTICO_CORS_ORIGINS are refused outright
 * (browsers would hide the answer anyway, but the side effect would happen).
 */
export function proxy(req: NextRequest) {
  if (!req.nextUrl.pathname.startsWith("/api/")) {
    // The root layout's sign-in gate needs to know which page it wraps (always overwritten here).
    const requestHeaders = new Headers(req.headers);
    requestHeaders.set(PATHNAME_HEADER, req.nextUrl.pathname);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const origin = req.headers.get("origin");
  const sameOrigin = isSameOrigin(origin, req.headers);
  const allowlist = getServerConfig().http.corsOrigins;
  const headers = sameOrigin ? {} : corsHeaders(origin, allowlist);

  if (req.method === "OPTIONS") {
    return new NextResponse(null, {
      status: isOriginAllowed(origin, allowlist) || sameOrigin ? 204 : 403,
      headers,
    });
  }
  if (!sameOrigin && !isOriginAllowed(origin, allowlist) && !["GET", "HEAD"].includes(req.method)) {
    return NextResponse.json(
      { error: { code: "origin_not_allowed", message: `Origin ${origin} is not in PORTICO_CORS_ORIGINS` } },
      { status: 403 },
    );
  }
  const res = NextResponse.next();
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export const config = { matcher: ["/api/:path*", "/((?!_next/static|_next/image|favicon.ico).*)"] };
