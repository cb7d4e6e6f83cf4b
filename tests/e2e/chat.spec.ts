import { expect, type Page, test } from "@playwright/test";

// The e2e portal runs without an API key, so this exercises offline mode: the
// same stream protocol and UI, with messages routed to tools deterministically.

async function ask(page: Page, text: string) {
  const input = page.getByLabel("Message");
  await input.fill(text);
  await input.press("Enter");
}

test.describe("chat", () => {
  test("answers 'who owns' with an entity card and keeps the conversation across a reload", async ({
    page,
  }) => {
    await page.goto("/chat");
    await expect(page.getByRole("heading", { level: 1, name: "Chat" })).toBeVisible();
    await ask(page, "who owns checkout-api?");

    const log = page.getByRole("list", { name: "Conversation" });
    await expect(log.getByTestId("message-user")).toContainText("who owns checkout-api?");
    const answer = log.getByTestId("message-assistant").last();
    await expect(answer).toContainText("No language model is configured");
    const card = answer.getByTestId("entity-card");
    await expect(card).toBeVisible();
    await expect(card.getByRole("link", { name: /checkout/i }).first()).toHaveAttribute(
      "href",
      "/catalog/component/default/checkout-api",
    );
    await expect(card).toContainText("Owner");
    await expect(page).toHaveURL(/\/chat\?c=[0-9a-f-]{36}$/);
    // Focus returns to the input once the answer is complete.
    await expect(page.getByLabel("Message")).toBeFocused();

    await page.reload();
    const restored = page.getByRole("list", { name: "Conversation" });
    await expect(restored.getByTestId("message-user")).toContainText("who owns checkout-api?");
    await expect(restored.getByTestId("entity-card")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Conversations" })).toContainText(
      "who owns checkout-api?",
    );
  });

  test("diagnoses a pasted log with a severity banner and copyable commands", async ({ page }) => {
    await page.goto("/chat");
    const input = page.getByLabel("Message");
    await input.fill("Last State: Terminated");
    await input.press("Shift+Enter");
    await input.pressSequentially("  Reason: OOMKilled");
    await expect(input).toHaveValue("Last State: Terminated\n  Reason: OOMKilled");
    await expect(page.getByTestId("message-user")).toHaveCount(0);
    await input.press("Enter");

    const card = page.getByTestId("diagnosis-card");
    await expect(card).toBeVisible();
    await expect(card.getByRole("status")).toContainText(/severity/i);
    await expect(card.getByRole("button", { name: /copy command/i }).first()).toBeVisible();
  });

  test("starts a conversation from /chat?q= and shows the cluster card", async ({ page }) => {
    await page.goto(`/chat?q=${encodeURIComponent("cluster health")}`);
    await expect(page.getByTestId("message-user")).toContainText("cluster health");
    await expect(page.getByTestId("cluster-card")).toBeVisible();
    await expect(page).toHaveURL(/\/chat\?c=/);
  });

  test("renames and deletes a conversation from the sidebar", async ({ page }) => {
    await page.goto("/chat");
    await ask(page, "runbook for CrashLoopBackOff");
    await expect(page.getByTestId("runbook-cards").getByRole("link").first()).toHaveAttribute(
      "href",
      /^\/runbooks\//,
    );
    const sidebar = page.getByRole("navigation", { name: "Conversations" });
    await sidebar.getByRole("button", { name: "Rename runbook for CrashLoopBackOff" }).first().click();
    const title = sidebar.getByLabel("Conversation title");
    await title.fill("Crash loops");
    await title.press("Enter");
    await expect(sidebar.getByRole("button", { name: "Crash loops", exact: true })).toBeVisible();

    page.once("dialog", (d) => d.accept());
    await sidebar.getByRole("button", { name: "Delete Crash loops" }).click();
    await expect(sidebar.getByRole("button", { name: "Crash loops", exact: true })).toHaveCount(0);
    await expect(page).toHaveURL(/\/chat$/);
  });
});
