import { expect, test } from "@playwright/test";

// Offline engine (no API key), seeded runbooks in embedded Chroma, fake "broken" cluster.
const OOM_LOG = `NAME                           READY   STATUS             RESTARTS   AGE
fraud-model-jdfdgccmel-x7kqp   0/1     CrashLoopBackOff   7          19m
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
  Warning  BackOff  kubelet  Back-off restarting failed container model`;

test.describe("diagnose page", () => {
  test("pasting an error shows severity, root cause, commands and a runbook link", async ({ page }) => {
    await page.goto("/diagnose");
    await expect(page.getByRole("heading", { level: 1, name: "Diagnose" })).toBeVisible();
    await expect(page.getByText("Engine: offline engine")).toBeVisible();
    await page.getByLabel("Error message or log").fill(OOM_LOG);
    await page.getByLabel("Namespace", { exact: true }).fill("payments");
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();

    const heading = page.getByRole("heading", { level: 2, name: "Diagnosis" });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Diagnosis ready" })).toHaveText(/high|critical/);
    await expect(page.getByTestId("severity-banner")).toContainText(/Severity: (high|critical)/);
    await expect(page.getByTestId("severity-banner")).toContainText("oomkilled");
    await expect(page.getByTestId("engine-label")).toHaveText("offline engine");
    await expect(page.getByTestId("root-cause")).toContainText(/memory/i);

    const evidence = page.getByRole("region", { name: "Evidence" });
    await expect(evidence.locator("mark").filter({ hasText: "OOMKilled" })).toBeVisible();

    const commands = page.getByRole("region", { name: "Fix commands" });
    await expect(commands.locator("code").first()).toContainText("kubectl");
    await expect(commands.getByRole("button", { name: "Copy command 1" })).toBeVisible();

    const runbook = page.getByRole("region", { name: "Runbooks" }).getByRole("link").first();
    await expect(runbook).toHaveAttribute("href", "/runbooks/oomkilled");

    const chat = page.getByRole("link", { name: "Continue in chat" });
    const href = new URL((await chat.getAttribute("href")) ?? "", "http://x");
    expect(href.pathname).toBe("/chat");
    // Handed over by reference: the paste never enters the URL.
    expect(href.searchParams.get("q")).toBeNull();
    expect(href.searchParams.get("handoff")).toMatch(/^[0-9a-f-]{36}$/);
    expect(href.toString()).not.toContain("OOMKilled");

    await runbook.click();
    await expect(page).toHaveURL(/\/runbooks\/oomkilled$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("OOMKilled");
  });

  test("continues in chat with the diagnosis handed over by reference", async ({ page }) => {
    await page.goto("/diagnose");
    await page.getByLabel("Error message or log").fill(OOM_LOG);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Diagnosis" })).toBeVisible();
    await page.getByRole("link", { name: "Continue in chat" }).click();
    await expect(page.getByTestId("message-user")).toContainText("OOMKilled");
    // The conversation id replaces the handoff id; no paste in the URL at any point.
    await expect(page).toHaveURL(/\/chat\?c=/);
    expect(page.url()).not.toContain("OOMKilled");
  });

  test("prefills from the Cluster page's link and adds live pod context", async ({ page }) => {
    const q = new URLSearchParams({
      error: "CrashLoopBackOff: back-off restarting failed container; last state OOMKilled exit code 137",
      namespace: "payments",
      pod: "fraud-model-jdfdgccmel-x7kqp",
    });
    await page.goto(`/diagnose?${q.toString()}`);
    await expect(page.getByLabel("Error message or log")).toHaveValue(/CrashLoopBackOff/);
    await expect(page.getByLabel("Namespace", { exact: true })).toHaveValue("payments");
    await expect(page.getByLabel("Pod", { exact: true })).toHaveValue("fraud-model-jdfdgccmel-x7kqp");
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    const pod = page.getByRole("region", { name: "Pod context" });
    await expect(pod).toContainText("fraud-model-jdfdgccmel-x7kqp");
    await expect(pod).toContainText("OOMKilled");
  });

  test("refuses a log file over 256 KiB before sending it", async ({ page }) => {
    await page.goto("/diagnose");
    await page.getByLabel("Or choose a log file").setInputFiles({
      name: "huge.log",
      mimeType: "text/plain",
      buffer: Buffer.alloc(300 * 1024, "a"),
    });
    await expect(page.getByRole("alert").filter({ hasText: "huge.log" })).toContainText(
      "the limit is 256 KiB",
    );
    await expect(page.getByRole("button", { name: "Diagnose", exact: true })).toBeDisabled();

    await page.getByLabel("Or choose a log file").setInputFiles({
      name: "small.log",
      mimeType: "text/plain",
      buffer: Buffer.from("Error: x509: certificate signed by unknown authority\n"),
    });
    await expect(page.getByLabel("Error message or log")).toHaveValue(/x509/);
    await page.getByRole("button", { name: "Diagnose", exact: true }).click();
    await expect(page.getByTestId("severity-banner")).toContainText("tls_certificate");
  });
});
