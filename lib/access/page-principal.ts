import { headers } from "next/headers";
import { pagePrincipalFrom } from "./page-gate";
import { PATHNAME_HEADER } from "./page-paths";
import type { Principal } from "./principal";

export { PUBLIC_PAGES } from "./page-paths";

/**
 * The principal for a server-rendered page (pages call lib/ directly, so they
 * need the same answer the API wrapper gets).
 */
export async function getPagePrincipal(): Promise<{ principal: Principal | null; pathname: string }> {
  const h = await headers();
  const pathname = h.get(PATHNAME_HEADER) ?? "/";
  return { principal: await pagePrincipalFrom(h), pathname };
}
