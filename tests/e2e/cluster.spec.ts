import { expect, test } from "@playwright/test";

// The portal runs against the fake API server's "broken" scenario (tests/e2e/support/start-portal.mjs).
test.describe("cluster page", () => {
  test("shows summary numbers and the broken scenario's problems with diagnose and runbook links", async ({
    page,
  }) => {
    await page.goto("/cluster");
    await expect(page.getByRole("heading", { level: 1, name: "Cluster" })).toBeVisible();
    await expect(page.getByText("fake-broken")).toBeVisible();
    await expect(page.getByTestId("summary-nodes")).toContainText("2/3");
    await expect(page.getByTestId("summary-pods")).toContainText("16");
    await expect(page.getByTestId("summary-pods")).toContainText("restarting");
    await expect(page.getByTestId("summary-hpas")).toContainText("1");
    await expect(page.getByTestId("summary-quotas")).toContainText("1");

    const problems = page.getByRole("region", { name: /Problems/ });
    await expect(problems.getByRole("cell", { name: "CrashLoopBackOff", exact: true }).first()).toBeVisible();
    await expect(problems.getByRole("cell", { name: "OOMKilled", exact: true }).first()).toBeVisible();
    await expect(problems.getByText("critical").first()).toBeVisible();

    const runbooks = problems.getByRole("link", { name: "Runbooks for OOMKilled" }).first();
    await expect(runbooks).toHaveAttribute("href", "/runbooks?q=OOMKilled");

    const diagnose = problems.getByRole("link", { name: /^Diagnose CrashLoopBackOff on shop\// }).first();
    const href = await diagnose.getAttribute("href");
    const url = new URL(href ?? "", "http://x");
    expect(url.pathname).toBe("/diagnose");
    expect(url.searchParams.get("error")).toMatch(/^CrashLoopBackOff: /);
    expect(url.searchParams.get("namespace")).toBe("shop");
    expect(url.searchParams.get("pod")).toBeTruthy();
    await diagnose.click();
    await expect(page).toHaveURL(/\/diagnose\?error=CrashLoopBackOff/);
  });

  test("lists pods per namespace with restarts and shows auto-refresh state", async ({ page }) => {
    await page.goto("/cluster");
    const pods = page.getByRole("region", { name: /Pods/ });
    await expect(pods.getByRole("rowgroup", { name: "Namespace payments" })).toBeVisible();
    await expect(pods.getByText("checkout-cjjbldddgk-x7kqp")).toBeVisible();
    await expect(page.getByTestId("updated-ago")).toContainText(/Updated/);
    const pause = page.getByRole("button", { name: "Pause" });
    await pause.click();
    await expect(page.getByRole("button", { name: "Resume" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("updated-ago")).toContainText("paused");
  });

  test("filters by namespace and keeps the filter in the URL", async ({ page }) => {
    await page.goto("/cluster");
    const problems = page.getByRole("region", { name: /Problems/ });
    await expect(problems.getByText(/^shop\//).first()).toBeVisible();

    await page.getByRole("combobox", { name: "Namespace" }).selectOption("payments");
    await expect(page).toHaveURL(/namespace=payments/);
    await expect(problems.getByRole("cell", { name: "OOMKilled", exact: true }).first()).toBeVisible();
    await expect(problems.getByText(/^shop\//)).toHaveCount(0);
    await expect(page.getByTestId("summary-pods")).toContainText("3");
    const pods = page.getByRole("region", { name: /Pods/ });
    await expect(pods.getByRole("rowgroup", { name: "Namespace shop" })).toHaveCount(0);

    // A reload renders the filtered view on the server.
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Namespace" })).toHaveValue("payments");
    await expect(problems.getByText(/^shop\//)).toHaveCount(0);
  });

  test("cluster-health API answers the ClusterHealth shape and rejects a bad namespace", async ({
    request,
  }) => {
    const res = await request.get("/api/cluster-health");
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ cluster: "fake-broken", connected: true });
    expect(Object.keys(body.summary).sort()).toEqual([
      "deployments",
      "hpas_at_max",
      "nodes",
      "pods",
      "quotas_near_limit",
    ]);
    const bad = await request.get("/api/cluster-health?namespace=Not_Valid");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details.fields[0].field).toBe("namespace");
  });
});
