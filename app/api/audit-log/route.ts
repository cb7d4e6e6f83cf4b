import { listAudit } from "@/lib/access/audit";
import { getDb } from "@/lib/db/client";
import { parseQuery, withRoute } from "@/lib/http";
import { auditLogQuery } from "./schema";

export const dynamic = "force-dynamic";

/** Newest first; `nextCursor` fetches the next page. `actor` matches id or name, `action` a prefix. */
export const GET = withRoute("audit-log", { scope: "admin" }, async ({ req }) => {
  const q = parseQuery(req.url, auditLogQuery);
  return listAudit(getDb(), q);
});
