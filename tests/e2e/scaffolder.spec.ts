import { cpSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";

// The scaffolder journey in the browser, against the real launcher: the seeded demo org supplies the
// pickers' entities; two fixture templates (tests/e2e/fixtures/scaffolder) are registered first.

// The catalog only reads files under <data dir>/catalog (and the repo's seed and templates), so the fixtures
// are copied into the portal's data dir (same default as tests/e2e/support/start-portal.mjs).
const dataDir = process.env.E2E_DATA_DIR ?? path.resolve(__dirname, "..", "..", ".data", "e2e");
const fixtures = path.join(dataDir, "catalog", "e2e-scaffolder");

async function register(page: Page, target: string) {
  const res = await page.request.post("/api/catalog/locations", { data: { type: "file", target } });
  expect([201, 409]).toContain(res.status());
}

async function pick(page: Page, field: string, typed: string, option: RegExp) {
  const box = page.getByRole("combobox", { name: field, exact: true });
  await box.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

test.describe("scaffolder", () => {
  test.beforeAll(async ({ browser }) => {
    cpSync(path.resolve(__dirname, "fixtures", "scaffolder"), fixtures, { recursive: true });
    const page = await browser.newPage();
    await register(page, path.join(fixtures, "catalog-info.yaml"));
    await page.close();
  });

  test("gallery → wizard with pickers → dry-run preview → run → success with links", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/create");
    await expect(page.getByRole("heading", { level: 1, name: "Create" })).toBeVisible();
    const templates = page.getByRole("region", { name: "Templates" });
    await page.getByRole("searchbox", { name: "Search templates" }).fill("end-to-end");
    await expect(templates.getByRole("heading", { name: "E2E service" })).toBeVisible();
    await expect(templates.getByRole("heading", { name: "Documentation site" })).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Search templates" }).fill("");
    await page.getByRole("checkbox", { name: "testing" }).check();
    await expect(templates.getByRole("article")).toHaveCount(1);
    await templates.getByRole("link", { name: "Choose E2E service" }).click();

    await expect(page).toHaveURL(/\/create\/templates\/default\/e2e-service$/);
    await expect(page.getByRole("heading", { level: 2, name: "About the service" })).toBeVisible();
    // Fields follow template.yaml's order (the catalog's jsonb storage alone would put "tags" second).
    const labels = await page.locator("form.rjsf-tw label").allTextContents();
    expect(labels.map((l) => l.replace("*", "").trim())).toEqual([
      "Name",
      "Owner",
      "System",
      "Tags",
      "API token",
      "Internal note",
    ]);
    const name = page.getByRole("textbox", { name: "Name", exact: true });
    // Live validation: the entity-name rule fires while typing, before any submit.
    await name.fill("Bad Name!");
    await expect(page.getByText(/must start and end with a letter or digit/)).toBeVisible();
    await name.fill("e2e-orders");
    await expect(page.getByText(/must start and end with a letter or digit/)).toHaveCount(0);
    await pick(page, "Owner", "platform", /platform-engineering/);
    await pick(page, "System", "pay", /^payments/);
    const tags = page.getByRole("combobox", { name: "Tags", exact: true });
    await tags.fill("e2e-tag");
    await tags.press("Enter");
    await expect(page.getByRole("list", { name: "Selected" }).getByText("e2e-tag")).toBeVisible();
    await page.getByLabel("API token").fill("s3cr3t-value");
    await page.getByRole("button", { name: "Next", exact: true }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Repository" })).toBeVisible();
    // Required fields stop the page until they are filled.
    await page.getByRole("button", { name: "Check it", exact: true }).click();
    await expect(page.getByText(/enter an owner|is required/).first()).toBeVisible();
    await expect(page.getByLabel("Host")).toHaveValue("portico.local");
    await page.getByLabel("Owner", { exact: true }).selectOption("e2e");
    await page.getByRole("textbox", { name: "Repository", exact: true }).fill("e2e-orders");
    await page.getByRole("button", { name: "Check it", exact: true }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Review" })).toBeVisible();
    const row = (key: string) => page.locator(`[data-review-key="${key}"] dd`);
    await expect(row("name")).toHaveText("e2e-orders");
    await expect(row("owner")).toHaveText("group:default/platform-engineering");
    await expect(row("system")).toHaveText("system:default/payments");
    await expect(row("apiToken")).toHaveText("******");
    await expect(row("repoUrl")).toHaveText("portico.local?owner=e2e&repo=e2e-orders");
    await expect(page.locator('[data-review-key="internalNote"]')).toHaveCount(0);
    await expect(page.getByText("s3cr3t-value")).toHaveCount(0);

    // Dry run: rendered files with highlighting, the log and the output, nothing published.
    await page.getByRole("button", { name: "Dry run", exact: true }).click();
    const result = page.getByRole("region", { name: "Dry-run result" });
    await expect(result.getByRole("status")).toContainText("Dry run completed", { timeout: 60_000 });
    const files = result.getByRole("navigation", { name: "Generated files" });
    await expect(files.getByRole("button", { name: "README.md", exact: true })).toBeVisible();
    await files.getByRole("button", { name: "catalog-info.yaml" }).click();
    const content = result.getByTestId("file-content");
    await expect(content).toContainText("name: e2e-orders");
    await expect(content).toContainText(`tags: ["e2e-tag"]`);
    await expect(content.locator(".hljs-attr").first()).toBeVisible();
    await result.getByRole("tab", { name: /Log/ }).click();
    await expect(result.getByTestId("Log")).toContainText("fetch");

    await page.getByRole("button", { name: "Build it", exact: true }).click();
    await expect(page).toHaveURL(/\/create\/tasks\/[^/]+$/);
    await expect(page.getByTestId("task-status")).toHaveText(/completed/, { timeout: 120_000 });
    await expect(page.locator('[data-step-status="completed"]')).toHaveCount(3);
    await expect(page.getByRole("progressbar", { name: "Task progress" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    await expect(page.getByTestId("task-log")).toContainText("[publish]");
    await expect(page.getByTestId("task-log")).not.toContainText("s3cr3t-value");
    const output = page.getByRole("region", { name: "Output" });
    await expect(output.getByText("is published and registered")).toBeVisible();
    const catalogLink = output.getByRole("link", { name: "Open in catalog" });
    await expect(catalogLink).toHaveAttribute("href", "/catalog/component/default/e2e-orders");
    await catalogLink.click();
    await expect(page.getByRole("heading", { level: 1, name: /e2e-orders/ })).toBeVisible();
  });

  test("a failed step is retried from the run page", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/create/templates/default/e2e-retry");
    await page.getByRole("textbox", { name: "Target", exact: true }).fill("e2e-retry-target");
    await page.getByRole("button", { name: "Review", exact: true }).click();
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page).toHaveURL(/\/create\/tasks\/[^/]+$/);
    await expect(page.getByTestId("task-status")).toHaveText(/failed/, { timeout: 60_000 });
    await expect(page.locator('[data-step-id="hello"]')).toHaveAttribute("data-step-status", "completed");
    await expect(page.locator('[data-step-id="lookup"]')).toHaveAttribute("data-step-status", "failed");
    await expect(page.getByRole("alert").first()).toContainText("not found");

    // What the step was missing now exists; the retry resumes at the failed step.
    await register(page, path.join(fixtures, "retry-target", "catalog-info.yaml"));
    await page.getByRole("button", { name: /^Retry/ }).click();
    await expect(page.getByTestId("task-status")).toHaveText(/completed/, { timeout: 60_000 });
    await expect(page.locator('[data-step-id="lookup"]')).toHaveAttribute("data-step-status", "completed");
    await expect(page.locator('[data-step-id="done"]')).toHaveAttribute("data-step-status", "completed");
    await expect(page.getByTestId("task-log")).toContainText("Found e2e-retry-target");
    await expect(
      page.getByRole("region", { name: "Output" }).getByRole("link", { name: "Found component" }),
    ).toBeVisible();

    // Start over refills the wizard with the task's values.
    await page.getByRole("link", { name: "Start over" }).click();
    await expect(page).toHaveURL(/\/create\/templates\/default\/e2e-retry\?formData=/);
    await expect(page.getByRole("textbox", { name: "Target", exact: true })).toHaveValue("e2e-retry-target");
  });

  test("the wizard shows the template's lint findings from its registration", async ({ page }) => {
    await register(page, path.join(fixtures, "e2e-lint", "template.yaml"));
    await page.goto("/create/templates/default/e2e-lint");
    const lint = page.getByTestId("template-lint");
    await expect(lint).toContainText("Template lint: 2 findings");
    await lint.locator("summary").click();
    await expect(lint.getByRole("listitem").filter({ hasText: "acme:deploy" })).toBeVisible();
    await expect(lint.getByRole("listitem").filter({ hasText: "nmae" })).toContainText("template.yaml:");
    // The form is still usable: lint warns, task creation refuses the unknown action.
    await expect(page.getByRole("textbox", { name: "Name", exact: true })).toBeVisible();
  });

  test("template editor previews the form and dry-runs the edited files", async ({ page }) => {
    await page.goto("/create/edit");
    await expect(page.getByRole("heading", { level: 1, name: "Template editor" })).toBeVisible();
    // Edit the skeleton, then use the live form.
    await page
      .getByRole("list", { name: "Template files" })
      .getByRole("button", { name: "skeleton/README.md", exact: true })
      .click();
    await page
      .getByRole("textbox", { name: "skeleton/README.md" })
      .fill("# ${{ values.name }}\n\nEdited in the browser.\n");
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("from-editor");
    await page.getByRole("button", { name: "Review", exact: true }).click();
    await page.getByRole("button", { name: "Dry run", exact: true }).click();
    const result = page.getByRole("region", { name: "Dry-run result" });
    await expect(result.getByRole("status")).toContainText("Dry run completed", { timeout: 60_000 });
    await result
      .getByRole("navigation", { name: "Generated files" })
      .getByRole("button", { name: "README.md", exact: true })
      .click();
    await expect(result.getByTestId("file-content")).toContainText("# from-editor");
    await expect(result.getByTestId("file-content")).toContainText("Edited in the browser.");
  });
});
