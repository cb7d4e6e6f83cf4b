import { expect, test } from "@playwright/test";

// The tokens page and the audit log, as the local admin uses them: a token is shown once,
// works as a bearer credential, stops working when revoked, and both acts are in the audit log.
test.describe("API tokens and the audit log", () => {
  test("creates a scoped token, uses it, revokes it and finds both in the audit log", async ({
    page,
    request,
  }) => {
    const name = `e2e-ci-${Date.now()}`;
    await page.goto("/settings/tokens");
    await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("checkbox", { name: "diagnose" }).check();
    await page.getByRole("button", { name: "Create token" }).click();

    const secret = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
    expect(secret.length).toBeGreaterThan(20);
    await expect(page.getByRole("status").filter({ hasText: "not shown again" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("catalog:read, diagnose");
    // The list shows a prefix only, never the secret.
    await expect(row).not.toContainText(secret);

    const withToken = { headers: { authorization: `Bearer ${secret}` } };
    const ok = await request.get("/api/catalog/entities/by-query?limit=1", withToken);
    expect(ok.status()).toBe(200);
    // Outside its scopes: catalog:write is not granted.
    const refused = await request.post("/api/catalog/locations", {
      ...withToken,
      data: { type: "url", target: "https://example.com/catalog-info.yaml" },
    });
    expect(refused.status()).toBe(403);

    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
    const revoked = await request.get("/api/catalog/entities/by-query?limit=1", withToken);
    expect(revoked.status()).toBe(401);

    await page.goto("/admin/audit-log");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.getByLabel("Action").selectOption("token.");
    const entries = page.getByRole("row");
    await expect(entries.filter({ hasText: "token.create" }).first()).toBeVisible();
    await expect(entries.filter({ hasText: "token.revoke" }).first()).toBeVisible();
    // The audit log never holds the secret.
    await expect(page.locator("body")).not.toContainText(secret);
  });
});
