import { auditRequest } from "@/lib/access/audit";
import { createApiToken, listApiTokens } from "@/lib/access/tokens";
import { getDb } from "@/lib/db/client";
import { parseJsonBody, withRoute } from "@/lib/http";
import { createTokenBody } from "./schema";

export const dynamic = "force-dynamic";

/** Your tokens (every token for admins); never the secret. */
export const GET = withRoute("tokens.list", { authenticated: true }, async ({ principal }) => ({
  tokens: await listApiTokens(getDb(), principal),
}));

/** 201 `{ id, token, name, scopes, expiresAt }`: the only time the secret is shown. */
export const POST = withRoute("tokens.create", { authenticated: true }, async ({ req, principal, log }) => {
  const body = await parseJsonBody(req, createTokenBody, 8 * 1024);
  const db = getDb();
  const created = await createApiToken(db, principal, body);
  await auditRequest(
    db,
    req,
    principal,
    {
      action: "token.create",
      target: `token:${created.id}`,
      details: { name: created.name, scopes: created.scopes, service: body.service ?? false },
    },
    log,
  );
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
