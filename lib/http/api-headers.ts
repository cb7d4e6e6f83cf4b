import { getServerConfig } from "@/lib/config/server-config";
import { API_CONTENT_SECURITY_POLICY, transportSecurityHeader } from "./security-headers";

/**
 * The security headers proxy.ts gives every /api response (the static ones come from
 * next.config.ts for every path), set by withRoute on any response that lacks them: the
 * health probe bypasses proxy.ts (it is exempt from the host check and needs neither CORS
 * nor the body ceiling, and kubelets call it every few seconds), and stays covered.
 */
export function withApiHeaders(response: Response): Response {
  const headers: Record<string, string> = {
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...transportSecurityHeader(getServerConfig().http.publicOrigin),
  };
  try {
    for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
    return response;
  } catch {
    // Immutable headers (e.g. Response.redirect): copy instead of mutating.
    const copy = new Response(response.body, response);
    for (const [k, v] of Object.entries(headers)) copy.headers.set(k, v);
    return copy;
  }
}
