import { expect, test } from "@playwright/test";

test.describe("app shell", () => {
  test("navigates between sections from the sidebar", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Welcome to Portico" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Catalog", "Create", "Chat", "Diagnose", "Runbooks", "Cluster"]) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${label.toLowerCase()}`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
    }
  });

  test("shows embedded services and offline AI on the status panel", async ({ page }) => {
    await page.goto("/");
    const status = page.getByRole("region", { name: "Platform status" });
    await expect(status).toContainText("up · embedded");
    await expect(status).toContainText("offline mode");
    // e2e runs against the fake API server started by tests/e2e/support/start-portal.mjs.
    await expect(status).toContainText("kubeconfig");
  });

  test("dark mode toggles and survives a reload", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/dark/);
    await page.getByTestId("theme-toggle").first().click();
    await expect(html).toHaveClass(/dark/);
    await page.reload();
    await expect(html).toHaveClass(/dark/);
  });

  test("collapses navigation into a menu on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    const menu = page.getByRole("button", { name: "Open menu" });
    await expect(menu).toBeVisible();
    await menu.click();
    await page.locator("#mobile-nav").getByRole("link", { name: "Runbooks" }).click();
    await expect(page).toHaveURL(/\/runbooks/);
    await expect(page.locator("#mobile-nav")).toHaveCount(0);
  });
});

test.describe("health API", () => {
  test("readiness reports embedded dependencies", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ready");
    expect(body.checks.database).toMatchObject({ status: "up", embedded: true });
    expect(body.checks.vector_store).toMatchObject({ status: "up", embedded: true });
    expect(res.headers()["x-request-id"]).toBeTruthy();
  });

  test("liveness does not touch dependencies and echoes the request id", async ({ request }) => {
    const res = await request.get("/api/health?probe=live", { headers: { "x-request-id": "e2e-probe-1" } });
    expect(res.status()).toBe(200);
    expect((await res.json()).status).toBe("alive");
    expect(res.headers()["x-request-id"]).toBe("e2e-probe-1");
  });

  test("rejects an unknown probe with a 400 naming the field", async ({ request }) => {
    const res = await request.get("/api/health?probe=sideways");
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details.fields[0].field).toBe("probe");
  });
});
