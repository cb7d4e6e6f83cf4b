import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapPrincipal } from "@/lib/access/principal";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import { isPublicAccess, requiredScope } from "@/lib/access/route-access";
import { SCOPES, type Scope } from "@/lib/access/scopes";
import { createApiToken } from "@/lib/access/tokens";
import { getDb } from "@/lib/db/client";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { OIDC_TEST_BOOTSTRAP, OIDC_TEST_ENV } from "../support/oidc-test-env";
import { callRoute, type LoadedRoute, loadRoutes, routeFiles } from "../support/routes";

/**
 * Generated over every route file on disk: each exported handler must declare its access
 * requirement; in oidc mode every non-public one answers 401 without credentials and 403
 * with a token lacking its scope; every rate-limited one answers 429 with Retry-After.
 */

// The only routes anyone may call without credentials (see README, Organisation setup).
// /api/metrics checks its own PORTICO_METRICS_TOKEN (lib/metrics/auth.ts), not a principal.
const PUBLIC = new Set([
  "GET /api/health",
  "GET /api/metrics",
  "GET /api/openapi.json",
  "GET /api/auth/ok",
  "POST /api/auth/ok",
]);
const BOOTSTRAP = OIDC_TEST_BOOTSTRAP;

let env: AppEnvironment;
let routes: LoadedRoute[];
const key = (r: LoadedRoute) => `${r.method} ${r.path}`;

async function token(scopes: Scope[], extra: { rateLimitPerMinute?: number } = {}) {
  return (await createApiToken(getDb(), bootstrapPrincipal(), { name: "t", scopes, service: true, ...extra }))
    .token;
}

beforeAll(async () => {
  env = await startAppEnvironment("access-routes", {
    ...OIDC_TEST_ENV,
    PORTICO_RATE_LIMIT_PER_MINUTE: "3",
  });
  resetRateLimiterStoreForTests();
  routes = await loadRoutes();
});

afterAll(async () => {
  resetRateLimiterStoreForTests();
  await env?.stop();
});

describe("route declarations", () => {
  it("finds the route files and every exported handler declares its access", () => {
    expect(routeFiles().length).toBeGreaterThan(30);
    const undeclared = routes.filter(
      (r) => typeof r.handler.access !== "object" || r.handler.access === null,
    );
    expect(undeclared.map(key)).toEqual([]);
    for (const r of routes) {
      const a = r.handler.access;
      if (!a) continue;
      const scope = requiredScope(a);
      if (scope) expect(SCOPES).toContain(scope);
    }
  });

  it("only health, the OpenAPI document and the sign-in endpoints are public", () => {
    const publicRoutes = routes.filter((r) => r.handler.access && isPublicAccess(r.handler.access)).map(key);
    expect(publicRoutes.sort()).toEqual([...PUBLIC].sort());
  });
});

describe("401 / 403 over every route (oidc mode)", () => {
  it("answers 401 with the standard error and WWW-Authenticate without credentials", async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (PUBLIC.has(key(r))) continue;
      const res = await callRoute(r);
      const body = (await res.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      if (res.status !== 401 || body?.error?.code !== "unauthorized" || !body.error.message) {
        wrong.push(`${key(r)} → ${res.status} ${JSON.stringify(body)?.slice(0, 120)}`);
      }
      if (res.status === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(wrong).toEqual([]);
  });

  it("answers 401 to an unknown, malformed or revoked-looking bearer token", async () => {
    const r = routes.find((x) => key(x) === "GET /api/catalog/entities");
    if (!r) throw new Error("route missing");
    expect((await callRoute(r, { token: "ptc_not-a-real-token" })).status).toBe(401);
    expect((await callRoute(r, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("answers 403 naming the scope when a token lacks it", async () => {
    const wrong: string[] = [];
    const cache = new Map<string, string>();
    for (const r of routes) {
      const scope = r.handler.access ? requiredScope(r.handler.access) : null;
      if (!scope) continue;
      const others = SCOPES.filter((s) => s !== scope && s !== "admin");
      const t = cache.get(scope) ?? (await token(others));
      cache.set(scope, t);
      const res = await callRoute(r, { token: t });
      const body = (await res.json().catch(() => null)) as {
        error?: { code?: string; message?: string };
      } | null;
      if (res.status !== 403 || !body?.error?.message?.includes(scope)) {
        wrong.push(`${key(r)} → ${res.status} ${JSON.stringify(body)?.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("lets the bootstrap token through as admin, even to admin-only routes", async () => {
    const audit = routes.find((x) => key(x) === "GET /api/audit-log");
    if (!audit) throw new Error("route missing");
    expect((await callRoute(audit, { token: BOOTSTRAP })).status).toBe(200);
    const member = await token(["catalog:read", "chat"]);
    expect((await callRoute(audit, { token: member })).status).toBe(403);
  });
});

describe("429 on every rate-limited route", () => {
  it("limits per principal and per client IP, with Retry-After", async () => {
    const limited = routes.filter((r) => r.handler.access?.rateLimit);
    expect(limited.map(key).sort()).toEqual(
      expect.arrayContaining(["POST /api/chat", "POST /api/diagnose", "POST /api/suggest-runbook"]),
    );
    let n = 0;
    for (const r of limited) {
      const scope = r.handler.access ? requiredScope(r.handler.access) : null;
      const t = scope ? await token([scope], { rateLimitPerMinute: 2 }) : undefined;
      const ip = `198.51.100.${++n}`;
      const budget = t ? 2 : 3;
      for (let i = 0; i < budget; i++) {
        const res = await callRoute(r, { token: t, ip: t ? `203.0.113.${n * 10 + i}` : ip });
        expect(res.status, `${key(r)} call ${i + 1}`).not.toBe(429);
      }
      // Per principal: a fresh IP does not reset a token's budget.
      const over = await callRoute(r, { token: t, ip: t ? `203.0.113.${n * 10 + 9}` : ip });
      expect(over.status, key(r)).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    }
  });

  it("limits per client IP across principals", async () => {
    const r = routes.find((x) => key(x) === "POST /api/diagnose");
    if (!r) throw new Error("route missing");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await callRoute(r, { token: await token(["diagnose"]), ip: "198.51.100.200" })).status);
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
  });

  it("never limits the bootstrap token", async () => {
    const r = routes.find((x) => key(x) === "POST /api/diagnose");
    if (!r) throw new Error("route missing");
    for (let i = 0; i < 6; i++) {
      expect((await callRoute(r, { token: BOOTSTRAP, ip: "198.51.100.250" })).status).not.toBe(429);
    }
  });
});

describe("API tokens", () => {
  const route = (k: string) => {
    const r = routes.find((x) => key(x) === k);
    if (!r) throw new Error(`route missing: ${k}`);
    return r;
  };

  it("creates a token shown once, stores only its SHA-256, lists it without secrets, revokes it at once", async () => {
    const res = await callRoute(route("POST /api/tokens"), {
      token: BOOTSTRAP,
      body: JSON.stringify({ name: "ci", scopes: ["catalog:read"], expiresInDays: 30 }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; token: string; scopes: string[]; expiresAt: string };
    expect(created.token).toMatch(/^ptc_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["catalog:read"]);
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(8));

    const list = await callRoute(route("GET /api/tokens"), { token: BOOTSTRAP });
    const text = await list.text();
    expect(text).toContain(created.id);
    expect(text).not.toContain(created.token.slice(8));
    expect(text).not.toContain(row.tokenHash);

    const entities = route("GET /api/catalog/entities");
    expect((await callRoute(entities, { token: created.token })).status).toBe(200);
    const revoke = { ...route("DELETE /api/tokens/00000000-0000-4000-8000-000000000001") };
    revoke.params = { id: created.id };
    expect((await callRoute(revoke, { token: BOOTSTRAP })).status).toBe(204);
    expect((await callRoute(entities, { token: created.token })).status).toBe(401);
  });

  it("rejects expired tokens and tokens granting more than their creator holds", async () => {
    const t = await createApiToken(getDb(), bootstrapPrincipal(), {
      name: "short",
      scopes: ["catalog:read"],
      expiresInDays: 1,
    });
    const entities = route("GET /api/catalog/entities");
    expect((await callRoute(entities, { token: t.token })).status).toBe(200);
    await getDb().apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(entities, { token: t.token })).status).toBe(401);

    const reader = await token(["catalog:read"]);
    const res = await callRoute(route("POST /api/tokens"), {
      token: reader,
      body: JSON.stringify({ name: "escalate", scopes: ["admin"] }),
    });
    expect(res.status).toBe(403);
    const bad = await callRoute(route("POST /api/tokens"), {
      token: reader,
      body: JSON.stringify({ name: "x", scopes: ["root"] }),
    });
    expect(bad.status).toBe(400);
  });
});
