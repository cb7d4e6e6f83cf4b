import { auditRequest } from "@/lib/access/audit";
import { revokeApiToken } from "@/lib/access/tokens";
import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { tokenIdParams } from "../schema";

export const dynamic = "force-dynamic";

/** 204; the token stops working on every replica with the next request. */
export const DELETE = withRoute<{ id: string }>(
  "tokens.revoke",
  { authenticated: true },
  async ({ req, params, principal, log }) => {
    const { id } = parsePathParams(params, tokenIdParams);
    const db = getDb();
    const revoked = await revokeApiToken(db, principal, id);
    if (!revoked) throw notFound(`No token ${id}`);
    await auditRequest(
      db,
      req,
      principal,
      { action: "token.revoke", target: `token:${id}`, details: { name: revoked.name } },
      log,
    );
    return new Response(null, { status: 204 });
  },
);
