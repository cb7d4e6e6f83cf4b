import { headers } from "next/headers";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { PATHNAME_HEADER } from "./page-paths";
import type { Principal } from "./principal";
import { resolvePrincipal } from "./resolve-principal";

export { PUBLIC_PAGES } from "./page-paths";

/**
 * The principal for a server-rendered page (pages call lib/ directly, so they
 * need the same answer the API wrapper gets). A bad bearer token on a page
 * request counts as no principal rather than an error page.
 */
export async function getPagePrincipal(): Promise<{ principal: Principal | null; pathname: string }> {
  const h = await headers();
  const pathname = h.get(PATHNAME_HEADER) ?? "/";
  const auth = getServerConfig().auth;
  const session =
    auth.mode === "oidc"
      ? async (hs: Headers) => (await import("./oidc/session")).principalFromSession(hs)
      : undefined;
  const principal = await resolvePrincipal(new Request("http://page.local/", { headers: h }), {
    auth,
    db: getDb,
    session,
  }).catch(() => null);
  return { principal, pathname };
}
