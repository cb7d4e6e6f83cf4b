import { expect, type Page, test } from "@playwright/test";

// Runs against the seeded Larkspur Freight demo org (see prisma/seed/demo-org).

const facet = (page: Page, name: string, value: string) =>
  page.locator(`input[data-facet="${name}"][data-value="${value}"]`);
const facetCount = (page: Page, name: string, value: string) =>
  page.locator("label", { has: facet(page, name, value) }).getByTestId("facet-count");
const ready = (page: Page) => expect(page.locator('[data-hydrated="true"]')).toBeVisible();
const totalOf = async (page: Page) =>
  Number(((await page.getByTestId("catalog-total").textContent()) ?? "").replace(/[^\d]/g, ""));

test.describe("catalog", () => {
  test("browses, filters by kind with changing facet counts, and searches", async ({ page }) => {
    await page.goto("/catalog");
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    await ready(page);
    await expect(page.getByTestId("catalog-total")).toContainText("entities");
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(100);
    const results = page.getByRole("region", { name: "Entities" });
    await expect(results.getByRole("link", { name: "Checkout API", exact: true }).first()).toBeVisible();

    // Owner counts cover every kind before filtering; with kind=API only the team's APIs remain.
    const ownerBefore = Number(await facetCount(page, "owner", "group:default/payments-team").textContent());
    const apis = Number(await facetCount(page, "kind", "api").textContent());
    const components = Number(await facetCount(page, "kind", "component").textContent());
    expect(apis).toBeGreaterThanOrEqual(16);
    await facet(page, "kind", "api").click();
    await expect(facet(page, "kind", "api")).toBeChecked();
    await expect(page).toHaveURL(/kind=api/);
    await expect(page.getByTestId("catalog-total")).toHaveText(new RegExp(`^${apis} entities`));
    await expect
      .poll(async () => Number(await facetCount(page, "owner", "group:default/payments-team").textContent()))
      .toBeLessThan(ownerBefore);
    // The kind facet ignores its own selection, so other kinds can still be added.
    await expect(facetCount(page, "kind", "component")).toHaveText(String(components));
    await expect(page.locator("table tbody tr[data-ref^='api:']")).toHaveCount(Math.min(apis, 25));
    await expect(page.locator("table tbody tr:not([data-ref^='api:'])")).toHaveCount(0);

    // Text search narrows within the filter, and the state lives in the URL.
    await page.getByRole("searchbox", { name: "Search the catalog" }).fill("shipments");
    await expect(page).toHaveURL(/q=shipments/);
    await expect.poll(() => totalOf(page)).toBeLessThan(apis);
    await expect(page.locator("table tbody tr[data-ref='api:default/shipments-v1']")).toBeVisible();

    await page.reload();
    await ready(page);
    await expect(page.getByRole("searchbox", { name: "Search the catalog" })).toHaveValue("shipments");
    await expect(facet(page, "kind", "api")).toBeChecked();

    await page.goto("/catalog?q=zzzz-no-such-entity");
    await expect(page.getByText("No entities match")).toBeVisible();
  });

  test("entity page shows owner, relations graph and the API definition", async ({ page }) => {
    await page.goto("/catalog?q=checkout");
    await page.locator("table").getByRole("link", { name: "Checkout API", exact: true }).click();
    await expect(page).toHaveURL(/\/catalog\/component\/default\/checkout-api$/);
    await expect(page.getByRole("heading", { level: 1, name: "Checkout API" })).toBeVisible();
    await expect(page.getByTestId("entity-owner")).toContainText("Payments");
    const graph = page.getByTestId("relations-graph");
    // Centre + 9 distinct neighbours (owner, system, 4 consumed APIs, 1 provided API, 2 dependencies).
    await expect(graph.getByTestId("graph-node")).toHaveCount(10);
    await expect(graph).toContainText("ownedBy");
    await expect(graph).toContainText("Orders database");
    await expect(page.getByTestId("source-location")).toContainText("payments.yaml");

    // Clicking a graph node navigates to that entity.
    await graph.getByRole("link", { name: /Checkout API v1/ }).click();
    await expect(page).toHaveURL(/\/catalog\/api\/default\/checkout-v1$/);
    await page.getByRole("tab", { name: "Definition" }).click();
    const ops = page.getByTestId("openapi-operation");
    expect(await ops.count()).toBeGreaterThan(0);
    await expect(page.getByTestId("openapi-view")).toContainText("Operations");
    await expect(ops.first()).toContainText(/GET|POST|PUT|DELETE|PATCH/);

    await page.getByRole("tab", { name: "YAML" }).click();
    await expect(page.getByTestId("entity-yaml")).toContainText("kind: API");
  });

  test("shows an unresolved relation instead of dropping it", async ({ page }) => {
    await page.goto("/catalog/component/default/invoice-renderer");
    const list = page.getByTestId("relations-list");
    await expect(list.locator('[data-unresolved="resource:default/legacy-mainframe"]')).toContainText(
      "not in catalog",
    );
    await expect(page.getByTestId("relations-graph")).toContainText("legacy-mainframe");
  });

  test("group pages list members and owned entities; unknown entities are a 404", async ({ page }) => {
    await page.goto("/catalog/group/default/payments-team");
    await expect(page.getByTestId("group-members").getByRole("link").first()).toBeVisible();
    await expect(page.getByTestId("owned-entities")).toContainText("Checkout API");
    const res = await page.goto("/catalog/component/default/does-not-exist");
    expect(res?.status()).toBe(404);
  });

  test("registers pasted YAML: errors with field paths, valid entities imported", async ({ page }) => {
    const suffix = Date.now().toString(36);
    const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-alpha-${suffix}
  description: First e2e component
spec:
  type: service
  lifecycle: experimental
  owner: payments-team
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: e2e-beta-${suffix}
spec:
  type: graphql
  lifecycle: experimental
  owner: payments-team
  definition: "type Query { ping: String }"
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-broken-${suffix}
spec:
  type: service
  lifecycle: experimental
`;
    await page.goto("/catalog/register");
    await page.getByLabel(/Catalog YAML/).fill(yaml);
    await page.getByRole("button", { name: "Analyse" }).click();
    const preview = page.getByTestId("preview-entities");
    await expect(preview).toContainText(`component:default/e2e-alpha-${suffix}`);
    await expect(preview).toContainText(`api:default/e2e-beta-${suffix}`);
    await expect(preview).not.toContainText(`e2e-broken-${suffix}`);
    const errors = page.getByTestId("register-errors");
    await expect(errors.getByTestId("problem-path")).toContainText(["spec.owner"]);
    await expect(errors.getByTestId("problem-document")).toHaveText(["2"]);

    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByTestId("register-summary")).toContainText(/\d+ added/);
    await expect(page.getByTestId("imported-entities").locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("register-errors")).toContainText("spec.owner");
    await page
      .getByTestId("imported-entities")
      .getByRole("link", { name: `component:default/e2e-alpha-${suffix}` })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: `e2e-alpha-${suffix}` })).toBeVisible();

    await page.goto(`/catalog?q=e2e-beta-${suffix}`);
    await expect(page.locator(`table tbody tr[data-ref='api:default/e2e-beta-${suffix}']`)).toBeVisible();
    const missing = await page.goto(`/catalog/component/default/e2e-broken-${suffix}`);
    expect(missing?.status()).toBe(404);
  });

  test("⌘K search: type, arrow, Enter navigates; Esc closes", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = page.getByRole("dialog", { name: "Search the catalog" });
    await expect(dialog).toBeVisible();
    const box = dialog.getByRole("combobox", { name: "Search entities" });
    await expect(box).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await page
      .getByRole("button", { name: /Search the catalog/ })
      .first()
      .click();
    await expect(box).toBeFocused();
    await box.fill("payment gateway");
    await expect(dialog.getByRole("option").first()).toContainText("Payment Gateway");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/catalog\/component\/default\/payment-gateway$/);
    await expect(dialog).toBeHidden();

    await page.keyboard.press("ControlOrMeta+k");
    await box.fill("checkout");
    await expect(dialog.getByRole("option", { name: /Checkout API/ }).first()).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/catalog\/[a-z]+\/default\/[a-z0-9-]+$/);
  });
});
