import { expect, type Page, test } from "@playwright/test";

// The orphan journey: paste two entities, update that paste without one of them, find the
// orphan in the list and on its page, delete it there, and check a refresh keeps it gone.

const component = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: Pasted by the e2e journey
spec:
  type: service
  lifecycle: experimental
  owner: payments-team
`;

const ORPHAN_BADGE = "No location provides this entity any more";
const ready = (page: Page) => expect(page.locator('[data-hydrated="true"]')).toBeVisible();

async function analyseAndImport(page: Page, yaml: string) {
  await page.getByLabel(/Catalog YAML/).fill(yaml);
  await page.getByRole("button", { name: "Analyse", exact: true }).click();
  await expect(page.getByTestId("preview-entities")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("register-summary")).toBeVisible();
}

test("an entity removed from a paste becomes an orphan and can be deleted from its page", async ({
  page,
}) => {
  // Unique per run, so other specs (and earlier runs on the same data dir) never collide.
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const keep = `paste-keep-${suffix}`;
  const gone = `paste-gone-${suffix}`;
  const goneRef = `component:default/${gone}`;
  const keepRef = `component:default/${keep}`;

  await page.goto("/catalog/register");
  await analyseAndImport(page, `${component(keep)}---\n${component(gone)}`);
  // Counts include the Location entity generated for the paste's location.
  await expect(page.getByTestId("register-summary")).toContainText("3 added");
  await expect(page.getByTestId("imported-entities").locator("tbody tr")).toHaveCount(2);

  // Update that same paste with one entity removed.
  await page.getByRole("button", { name: "Update this paste" }).click();
  await expect(page.getByTestId("updating-paste")).toContainText("become orphans");
  await analyseAndImport(page, component(keep));
  await expect(page.getByTestId("register-summary")).toContainText("0 added");
  await expect(page.getByTestId("register-summary")).toContainText("1 orphaned");
  await expect(page.getByTestId("imported-entities").locator("tbody tr")).toHaveCount(1);

  // The list hides orphans by default; "Show orphans" lists it with its badge.
  await page.goto(`/catalog?q=${gone}`);
  await ready(page);
  await expect(page.getByText("No entities match")).toBeVisible();
  // Controlled by the URL, like the facets: the box flips once the URL has changed.
  await page.getByLabel("Show orphans").click();
  await expect(page.getByLabel("Show orphans")).toBeChecked();
  await expect(page).toHaveURL(/orphans=include/);
  const row = page.locator(`table tbody tr[data-ref='${goneRef}']`);
  await expect(row).toBeVisible();
  await expect(row.getByTitle(ORPHAN_BADGE)).toHaveText("orphan");
  await page.goto(`/catalog?q=${keep}&orphans=include`);
  await ready(page);
  await expect(page.locator(`table tbody tr[data-ref='${keepRef}']`)).toBeVisible();
  await expect(page.locator(`table tbody tr[data-ref='${keepRef}']`).getByTitle(ORPHAN_BADGE)).toHaveCount(0);

  // Its page says so, and deleting there (confirmed) removes it.
  await page.goto(`/catalog?q=${gone}&orphans=include`);
  await ready(page);
  await page.locator(`table tbody tr[data-ref='${goneRef}']`).getByRole("link", { name: gone }).click();
  await expect(page.getByRole("heading", { level: 1, name: gone })).toBeVisible();
  const banner = page.getByRole("alert").filter({ hasText: "This entity is an orphan" });
  await expect(banner).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await banner.getByRole("button", { name: "Delete entity" }).click();
  await expect(page).toHaveURL(/\/catalog$/);
  expect((await page.goto(`/catalog/component/default/${gone}`))?.status()).toBe(404);

  // Re-reading the paste's location does not bring it back; the kept entity stays.
  const refresh = await page.request.post("/api/catalog/refresh", { data: { entityRef: keepRef } });
  expect(refresh.status()).toBe(200);
  expect(await refresh.json()).toMatchObject({ ok: true, added: 0 });
  expect((await page.goto(`/catalog/component/default/${gone}`))?.status()).toBe(404);
  await page.goto(`/catalog?q=${gone}&orphans=include`);
  await ready(page);
  await expect(page.getByText("No entities match")).toBeVisible();
  const kept = await page.goto(`/catalog/component/default/${keep}`);
  expect(kept?.status()).toBe(200);
  await expect(page.getByText("This entity is an orphan")).toHaveCount(0);
});
