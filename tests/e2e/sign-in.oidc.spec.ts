import { type BrowserContext, expect, type Page, test } from "@playwright/test";

// Runs with playwright.oidc.config.ts: the portal in oidc mode against a real OpenID
// provider (oidc-provider) on 127.0.0.1. Sign in, see only your own conversations, sign out.

const BOOTSTRAP = process.env.E2E_BOOTSTRAP_TOKEN ?? "e2e-bootstrap-token-0123456789abcdef";

async function signIn(page: Page, login: string) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  // The provider's development login and consent pages.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
}

async function signOut(page: Page, context: BrowserContext) {
  await page.getByTestId("user-menu").first().getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // Forget the provider's own session too, so the next sign-in asks who you are.
  await context.clearCookies({ domain: "127.0.0.1" });
}

async function ask(page: Page, text: string) {
  await page.goto("/chat");
  const input = page.getByLabel("Message");
  await input.fill(text);
  await input.press("Enter");
  await expect(page.getByTestId("message-assistant").last()).toBeVisible();
  await expect(page).toHaveURL(/\/chat\?c=[0-9a-f-]{36}$/);
}

test("sign in with OIDC, see only your own conversations, sign out", async ({ page, context, request }) => {
  // Nothing is served without a session: pages redirect, APIs answer 401.
  expect((await request.get("/api/catalog/entities")).status()).toBe(401);

  await signIn(page, "alice");
  const menu = page.getByTestId("user-menu").first();
  await expect(menu).toContainText("Alice Admin");
  await expect(menu).toContainText("admin");
  await ask(page, "alice asks about checkout-api");
  await expect(page.getByRole("navigation", { name: "Conversations" })).toContainText(
    "alice asks about checkout-api",
  );
  await signOut(page, context);
  expect((await page.request.get("/api/conversations")).status()).toBe(401);

  await signIn(page, "bob");
  await expect(page.getByTestId("user-menu").first()).toContainText("member");
  await ask(page, "bob asks about payments");
  const nav = page.getByRole("navigation", { name: "Conversations" });
  await expect(nav).toContainText("bob asks about payments");
  await expect(nav).not.toContainText("alice asks");
  const mine = (await (await page.request.get("/api/conversations")).json()) as {
    conversations: { title: string }[];
  };
  expect(mine.conversations.map((c) => c.title)).toEqual(["bob asks about payments"]);
  // A member cannot read the audit log.
  expect((await page.request.get("/api/audit-log")).status()).toBe(403);
  await signOut(page, context);

  // The audit log recorded both sign-ins, alice's role change to admin and the sign-outs.
  const audit = await request.get("/api/audit-log?limit=100", {
    headers: { authorization: `Bearer ${BOOTSTRAP}` },
  });
  expect(audit.status()).toBe(200);
  const { items } = (await audit.json()) as {
    items: { action: string; target: string | null; actorName: string }[];
  };
  const actions = items.map((i) => `${i.action} ${i.actorName}`);
  expect(actions).toContain("auth.sign-in alice@example.com");
  expect(actions).toContain("auth.sign-in bob@example.com");
  expect(actions).toContain("role.change alice@example.com");
  expect(actions.filter((a) => a.startsWith("auth.sign-out"))).toHaveLength(2);
});

test("a signed-out client-side navigation (RSC request) gets no page data", async ({ request }) => {
  // What the router sends when moving from /sign-in to /catalog: the root layout, and its
  // sign-in check, is not re-rendered for it, so proxy.ts must refuse it.
  const tree = encodeURIComponent(
    JSON.stringify(["", { children: ["sign-in", { children: ["__PAGE__", {}] }] }, null, null]),
  );
  const res = await request.get("/catalog", { headers: { RSC: "1", "Next-Router-State-Tree": tree } });
  expect(new URL(res.url()).pathname).toBe("/sign-in");
  expect(await res.text()).not.toContain("Every component, API, resource");
});
