import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { PUBLIC_PAGES } from "./page-paths";
import type { Principal } from "./principal";
import { resolvePrincipal } from "./resolve-principal";

/**
 * The principal behind a page request's headers (session cookie, bearer token or
 * the local admin). A bad bearer token on a page request counts as no principal
 * rather than an error page.
 */
export async function pagePrincipalFrom(headers: Headers): Promise<Principal | null> {
  const auth = getServerConfig().auth;
  const session =
    auth.mode === "oidc"
      ? async (hs: Headers) => (await import("./oidc/session")).principalFromSession(hs)
      : undefined;
  return resolvePrincipal(new Request("http://page.local/", { headers }), { auth, db: getDb, session }).catch(
    () => null,
  );
}

/**
 * True when a page request must be sent to sign-in (oidc mode, not a public page,
 * nobody signed in). proxy.ts runs this on every page request because the root
 * layout's own check does not run on client-side navigation: Next re-renders only
 * the segments below the shared layout, so a signed-out visitor's RSC request for
 * `/catalog` returned the page's server-rendered data without passing the layout.
 */
export async function pageNeedsSignIn(headers: Headers, pathname: string): Promise<boolean> {
  if (getServerConfig().auth.mode !== "oidc" || PUBLIC_PAGES.includes(pathname)) return false;
  return (await pagePrincipalFrom(headers)) === null;
}
