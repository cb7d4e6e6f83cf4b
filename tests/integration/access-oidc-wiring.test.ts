import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditLog } from "@/app/api/audit-log/route";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { resetRateLimiterStoreForTests } from "@/lib/access/rate-limit";
import { proxy } from "@/proxy";
import { startOidcProvider } from "../e2e/support/oidc-provider.mjs";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * The oidc-mode wiring that only shows with a public URL different from the address a
 * request arrived on (a portal behind https, reached here through a loopback alias):
 * Better Auth's baseURL and trusted origins, the failed sign-in audit entry, the page
 * sign-in gate in proxy.ts and which X-Forwarded-For reaches the handlers.
 */

const PUBLIC = "https://portal.example.com";
const BOOTSTRAP = "bootstrap-secret-for-oidc-wiring-0123456789";
const OIDC_PORT = Number(process.env.AG_OIDC_PORT ?? 4219);
const holder = globalThis as { __porticoAuth?: unknown };
let env: AppEnvironment;
let idp: { issuer: string; stop: () => Promise<unknown> };

const auth = (method: "GET" | "POST", path: string, headers: Record<string, string>, body?: unknown) =>
  (method === "GET" ? authGet : authPost)(
    new Request(`http://127.0.0.1:3000${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

beforeAll(async () => {
  idp = await startOidcProvider({
    port: OIDC_PORT,
    redirectUri: `${PUBLIC}/api/auth/callback/oidc`,
    clientId: "portico",
    clientSecret: "client-secret",
  });
  env = await startAppEnvironment("access-oidc-wiring", {
    PORT: "3000",
    PORTICO_PUBLIC_URL: PUBLIC,
    PORTICO_AUTH_MODE: "oidc",
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: "portico",
    OIDC_CLIENT_SECRET: "client-secret",
    PORTICO_AUTH_SECRET: "auth-secret-for-tests-0123456789abcdef",
    PORTICO_BOOTSTRAP_TOKEN: BOOTSTRAP,
    PORTICO_TRUST_PROXY: undefined,
  });
  holder.__porticoAuth = undefined;
  resetRateLimiterStoreForTests();
}, 120_000);

afterAll(async () => {
  holder.__porticoAuth = undefined;
  resetRateLimiterStoreForTests();
  await env?.stop();
  await idp?.stop();
});

describe("Better Auth follows PORTICO_PUBLIC_URL", () => {
  it("builds the redirect_uri from the public URL, not from the address the request came in on", async () => {
    const res = await auth("POST", "/api/auth/sign-in/social", {}, { provider: "oidc", callbackURL: "/" });
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as { url: string };
    const authorize = new URL(url);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${PUBLIC}/api/auth/callback/oidc`);
    // https public URL: the state cookie is Secure.
    expect(res.headers.get("set-cookie") ?? "").toMatch(/__Secure-[^;]+;.*Secure/i);
  });

  it("trusts the public origin and its loopback aliases, nothing else", async () => {
    const evil = await auth(
      "POST",
      "/api/auth/sign-in/social",
      {},
      { provider: "oidc", callbackURL: "https://evil.example/" },
    );
    expect(evil.status).toBe(403);
    const ok = await auth(
      "POST",
      "/api/auth/sign-in/social",
      {},
      { provider: "oidc", callbackURL: `${PUBLIC}/catalog` },
    );
    expect(ok.status).toBe(200);
    // A cookie-bearing POST is an origin check (CSRF): a foreign Origin is refused.
    const cookie = "__Secure-better-auth.session_token=whatever";
    expect(
      (await auth("POST", "/api/auth/sign-out", { cookie, origin: "https://evil.example" })).status,
    ).toBe(403);
    for (const origin of [PUBLIC, "http://localhost:3000"]) {
      expect((await auth("POST", "/api/auth/sign-out", { cookie, origin })).status, origin).not.toBe(403);
    }
  });
});

describe("audit of failed sign-ins", () => {
  it("records a callback that fails, with the client address, as auth.sign-in-failed", async () => {
    const res = await auth("GET", "/api/auth/callback/oidc?code=forged&state=forged", {
      "x-forwarded-for": "198.51.100.7",
    });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.headers.get("location") ?? "").toMatch(/error=/);
    const audit = await auditLog(
      new Request("http://127.0.0.1:3000/api/audit-log?action=auth.sign-in-failed", {
        headers: { authorization: `Bearer ${BOOTSTRAP}` },
      }),
    );
    const { items } = (await audit.json()) as {
      items: { action: string; outcome: string; ip: string; actor: string; details: { error: string } }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ outcome: "failure", ip: "198.51.100.7", actor: "anonymous" });
    expect(items[0].details.error).not.toBe("");
  });
});

describe("proxy.ts page gate (client-side navigation does not re-run the root layout)", () => {
  const page = (path: string, headers: Record<string, string> = {}) =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000", ...headers } }),
    );
  const rsc = {
    rsc: "1",
    "next-router-state-tree": encodeURIComponent('["",{"children":["sign-in",{}]},null,null]'),
  };

  it("sends a signed-out visitor's page and RSC requests to sign-in", async () => {
    for (const headers of [{}, rsc, { ...rsc, cookie: "__Secure-better-auth.session_token=forged" }]) {
      const res = await page("/catalog", headers);
      expect(res.status).toBe(307);
      expect(new URL(res.headers.get("location") ?? "").pathname).toBe("/sign-in");
    }
  });

  it("lets the sign-in page, API requests and a valid credential through", async () => {
    expect((await page("/sign-in")).headers.get("x-middleware-next")).toBe("1");
    expect((await page("/api/catalog/entities")).headers.get("x-middleware-next")).toBe("1");
    const signedIn = await page("/catalog", { ...rsc, authorization: `Bearer ${BOOTSTRAP}` });
    expect(signedIn.headers.get("x-middleware-next")).toBe("1");
  });

  it("has nothing to gate in local mode", async () => {
    env.setEnv({ PORTICO_AUTH_MODE: "local" });
    try {
      expect((await page("/catalog", rsc)).headers.get("x-middleware-next")).toBe("1");
    } finally {
      env.setEnv({ PORTICO_AUTH_MODE: "oidc" });
    }
  });
});

describe("X-Forwarded-For reaching the handlers", () => {
  const forwarded = async (trust: boolean) => {
    env.setEnv({ PORTICO_TRUST_PROXY: trust ? "true" : undefined });
    try {
      const res = await proxy(
        new NextRequest("http://localhost:3000/api/catalog/entities", {
          headers: { host: "localhost:3000", "x-forwarded-for": "203.0.113.1, 10.0.0.5" },
        }),
      );
      const overridden = (res.headers.get("x-middleware-override-headers") ?? "").split(",");
      return overridden.includes("x-forwarded-for")
        ? res.headers.get("x-middleware-request-x-forwarded-for")
        : null;
    } finally {
      env.setEnv({ PORTICO_TRUST_PROXY: undefined });
    }
  };

  it("drops the client's header without a trusted proxy (Next then sets the socket address)", async () => {
    expect(await forwarded(false)).toBeNull();
  });

  it("keeps the trusted proxy's header", async () => {
    expect(await forwarded(true)).toBe("203.0.113.1, 10.0.0.5");
  });
});
