import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLog } from "@/app/api/audit-log/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { afterSignIn, OIDC_PROVIDER_ID } from "@/lib/access/oidc/auth";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * Audit entries for token creation and revocation (through the routes) and for sign-ins
 * and role changes (the post-sign-in hook Better Auth calls; the full browser flow is in
 * tests/e2e/sign-in.oidc.spec.ts). Failed sign-ins: access-oidc-wiring.test.ts; catalog
 * actions: access-people.test.ts; scaffolder tasks: access-scaffolder.test.ts.
 */

let env: AppEnvironment;

type Entry = { actor: string; action: string; target: string | null; ip: string | null; details: unknown };

async function entries(action: string): Promise<Entry[]> {
  const res = await auditLog(new Request(`http://localhost:3000/api/audit-log?action=${action}&limit=100`));
  return ((await res.json()) as { items: Entry[] }).items;
}

const req = (method: string, path: string, body?: unknown) =>
  new Request(`http://localhost:3000${path}`, {
    method,
    headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.77" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  env = await startAppEnvironment("access-audit", { PORTICO_ADMIN_GROUPS: "portico-admins" });
  resetRateLimiterStoreForTests();
});

afterAll(async () => {
  resetRateLimiterStoreForTests();
  await env?.stop();
});

describe("audit: tokens", () => {
  it("records creation and revocation with actor, target and address, never the secret", async () => {
    const created = await createToken(req("POST", "/api/tokens", { name: "ci", scopes: ["diagnose"] }));
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(
      (await revokeToken(req("DELETE", `/api/tokens/${id}`), { params: Promise.resolve({ id }) })).status,
    ).toBe(204);
    const create = (await entries("token.create")).find((e) => e.target === `token:${id}`);
    expect(create).toMatchObject({
      actor: "local:admin",
      ip: "192.0.2.77",
      details: { name: "ci", scopes: ["diagnose"], service: false },
    });
    expect(JSON.stringify(create)).not.toContain(token);
    const revoke = (await entries("token.revoke")).find((e) => e.target === `token:${id}`);
    expect(revoke).toMatchObject({ actor: "local:admin", ip: "192.0.2.77", details: { name: "ci" } });
  });
});

describe("audit: sign-ins and role changes", () => {
  const idToken = (groups: string[]) =>
    `h.${Buffer.from(JSON.stringify({ sub: "carol", groups })).toString("base64url")}.s`;

  async function signInWithGroups(groups: string[]) {
    const db = getDb();
    await db.authAccount.upsert({
      where: { id: "acct-carol" },
      create: {
        id: "acct-carol",
        accountId: "carol",
        providerId: OIDC_PROVIDER_ID,
        userId: "carol",
        idToken: idToken(groups),
      },
      update: { idToken: idToken(groups) },
    });
    await afterSignIn(db, getServerConfig().auth, "carol", "198.51.100.3");
  }

  it("records every sign-in, and a role change only when the groups change the role", async () => {
    await getDb().authUser.create({ data: { id: "carol", name: "Carol", email: "carol@example.com" } });
    await signInWithGroups(["portico-admins"]);
    await signInWithGroups(["portico-admins", "payments"]);
    await signInWithGroups([]);
    const signIns = (await entries("auth.sign-in")).filter((e) => e.actor === "user:carol");
    expect(signIns.map((e) => e.action)).toEqual(["auth.sign-in", "auth.sign-in", "auth.sign-in"]);
    expect(signIns[0]).toMatchObject({ target: "carol@example.com", ip: "198.51.100.3" });
    const changes = (await entries("role.change")).filter((e) => e.target === "user:carol");
    // Newest first: back to member, then the promotion; the second sign-in changed nothing.
    expect(changes.map((e) => e.details)).toMatchObject([
      { from: "admin", to: "member" },
      { from: "member", to: "admin", groups: ["portico-admins"] },
    ]);
    expect((await getDb().authUser.findUniqueOrThrow({ where: { id: "carol" } })).role).toBe("member");
  });
});
