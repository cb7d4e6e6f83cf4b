import { describePrincipal } from "@/lib/access/principal";
import { ownershipRefs } from "@/lib/access/teams";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Who the caller is, their role, scopes and the catalog groups ("my teams") they own things through. */
export const GET = withRoute("me", { authenticated: true }, async ({ principal }) => ({
  ...describePrincipal(principal),
  authMode: getServerConfig().auth.mode,
  teams: (await ownershipRefs(getDb(), principal)).filter((r) => r.startsWith("group:")),
}));
