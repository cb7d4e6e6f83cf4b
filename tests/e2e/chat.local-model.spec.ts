import { expect, test } from "@playwright/test";

// The portal runs with PORTICO_AI_BASE_URL pointing at a loopback fake OpenAI-compatible
// server (playwright.local-model.config.ts). Its default behaviour acts like a small agent:
// a user message naming a kebab-case entity makes it call getEntity; a tool result makes it
// answer with text quoting that result. So this journey covers the real wire protocol (SSE
// chat.completions with streamed tool-call arguments), the server-side tool run against the
// seeded catalog, the tool result going back to the model, and the UI rendering all of it.

test("chats through a local OpenAI-compatible model that calls a catalog tool", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect((await health.json()).checks.ai).toEqual({ mode: "openai-compatible", model: "fake-model" });

  await page.goto("/chat");
  const input = page.getByLabel("Message");
  await input.fill("Who owns accounts-service?");
  await input.press("Enter");

  const answer = page.getByRole("list", { name: "Conversation" }).getByTestId("message-assistant").last();
  // The tool call the model made, rendered as the catalog card with the real owner.
  const card = answer.getByTestId("entity-card");
  await expect(card).toBeVisible();
  await expect(card.getByRole("link", { name: /accounts/i }).first()).toHaveAttribute(
    "href",
    "/catalog/component/default/accounts-service",
  );
  await expect(card).toContainText(/Customer Accounts/);
  // The model's text after reading the tool result; no offline-mode notice.
  await expect(answer).toContainText("The fake model read the tool result");
  await expect(answer).toContainText("customer-accounts-team");
  await expect(answer).not.toContainText("No language model is configured");

  // The saved conversation comes back after a reload with the card.
  await expect(page).toHaveURL(/\/chat\?c=[0-9a-f-]{36}$/);
  await page.reload();
  await expect(page.getByTestId("entity-card")).toBeVisible();
});
