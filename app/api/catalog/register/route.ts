import { afterLocationRegistered, guardLocationWrite } from "@/lib/access/catalog-guards";
import { registerBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { dryRunQuery } from "@/lib/catalog/api/query-schemas";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { register } from "@/lib/catalog/service/register";
import { getDb } from "@/lib/db/client";
import { parseJsonBody, parseQuery } from "@/lib/http";

export const dynamic = "force-dynamic";

// JSON escaping can grow YAML; the 1 MiB limit applies to the YAML itself (413 beyond it).
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Portico's register flow for the UI: `{ yaml }` or `{ url }`; `?dryRun=true` previews
 * without writing (200), otherwise imports (201) — see lib/catalog/service/register.ts.
 */
export const POST = catalogRoute(
  "catalog.register",
  { scope: "catalog:write" },
  async ({ req, principal, log }) => {
    const { dryRun } = parseQuery(req.url, dryRunQuery);
    const body = await parseJsonBody(req, registerBody, MAX_BODY_BYTES);
    if (!dryRun) await guardLocationWrite(getDb(), principal, body);
    const result = await register(catalogDeps(), body, dryRun);
    if (!dryRun) {
      await afterLocationRegistered(
        getDb(),
        req,
        principal,
        result.location,
        { existed: result.exists },
        log,
      );
    }
    return Response.json(result, { status: dryRun ? 200 : 201 });
  },
);
