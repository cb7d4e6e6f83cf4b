import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-error";
import type { Logger } from "@/lib/log/logger";
import { recordAudit } from "../audit";
import { CLIENT_IP_HEADER, clientIp } from "../client-ip";
import { getAuth } from "./auth";
import { principalFromSession } from "./session";

/**
 * Hands /api/auth/* to Better Auth and audits what it cannot see itself: failed
 * sign-ins (the callback redirects with `?error=`) and sign-outs.
 */
export async function handleAuthRequest(req: Request, log: Logger): Promise<Response> {
  if (getServerConfig().auth.mode !== "oidc")
    throw notFound("Sign-in is only available with PORTICO_AUTH_MODE=oidc");
  const path = new URL(req.url).pathname;
  const ip = clientIp(req.headers);
  const db = getDb();
  const signingOut = req.method === "POST" && path.endsWith("/sign-out");
  const leaving = signingOut ? await principalFromSession(req.headers).catch(() => null) : null;
  // Better Auth records the session's address from this header (always ours, overwritten here).
  const headers = new Headers(req.headers);
  headers.set(CLIENT_IP_HEADER, ip);
  const response = await getAuth().handler(new Request(req, { headers }));
  if (path.includes("/callback/")) {
    const location = response.headers.get("location") ?? "";
    const failed = response.status >= 400 || /[?&]error=/.test(location);
    if (failed) {
      const error = /[?&]error=([^&]{0,100})/.exec(location)?.[1] ?? `status ${response.status}`;
      await recordAudit(
        db,
        { id: "anonymous", name: "anonymous" },
        {
          action: "auth.sign-in-failed",
          outcome: "failure",
          ip,
          details: { error: decodeURIComponent(error) },
        },
        log,
      );
    }
  }
  if (leaving && response.status < 400) {
    await recordAudit(db, { id: leaving.id, name: leaving.name }, { action: "auth.sign-out", ip }, log);
  }
  return response;
}
