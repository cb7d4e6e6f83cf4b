import { expect, test } from "@playwright/test";

test.describe("runbooks", () => {
  test("opens a runbook from the list and renders its markdown", async ({ page }) => {
    await page.goto("/runbooks");
    await expect(page.getByRole("heading", { level: 1, name: "Runbooks" })).toBeVisible();
    const list = page.getByRole("list", { name: "Runbooks" });
    await expect(list.getByRole("listitem").first()).toBeVisible();
    expect(await list.getByRole("listitem").count()).toBeGreaterThanOrEqual(20);
    await list.getByRole("link", { name: /Terraform state lock/i }).click();
    await expect(page).toHaveURL(/\/runbooks\/terraform-state-lock$/);

    await expect(page.getByRole("heading", { level: 2, name: "Symptoms" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Fixes" })).toBeVisible();
    // Highlighted fenced code with a copy button.
    const code = page.locator("pre code.hljs").first();
    await expect(code).toBeVisible();
    await expect(code.locator("span[class^='hljs-']").first()).toBeAttached();
    await expect(page.getByRole("button", { name: "Copy code" }).first()).toBeVisible();
    await page.getByRole("link", { name: "← All runbooks" }).click();
    await expect(page).toHaveURL(/\/runbooks$/);
  });

  test("searches runbooks and shows snippets, keeping the query in the URL", async ({ page }) => {
    await page.goto("/runbooks");
    await page.getByLabel("Search runbooks").fill("x509 certificate signed by unknown authority");
    await expect(page.getByRole("status").filter({ hasText: "match" })).toBeVisible();
    const first = page.getByRole("list", { name: "Runbooks" }).getByRole("listitem").first();
    await expect(first.getByRole("link")).toHaveAttribute("href", "/runbooks/tls-certificate");
    await expect(first.getByTestId("runbook-snippet")).not.toBeEmpty();
    await expect(page).toHaveURL(/\?q=x509/);

    // Server-rendered search from a link (the Cluster page links to /runbooks?q=<reason>).
    await page.goto("/runbooks?q=OOMKilled");
    await expect(page.getByLabel("Search runbooks")).toHaveValue("OOMKilled");
    await expect(
      page.getByRole("list", { name: "Runbooks" }).getByRole("listitem").first().getByRole("link"),
    ).toHaveAttribute("href", "/runbooks/oomkilled");
  });

  test("unknown runbook ids get a not-found page", async ({ page }) => {
    const res = await page.goto("/runbooks/no-such-runbook");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Runbook not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Browse or search all runbooks" })).toBeVisible();
  });
});
