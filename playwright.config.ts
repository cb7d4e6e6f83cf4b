import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

// Debian's Chromium: Playwright's own browser download cannot work offline.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // The sign-in suite needs the portal in oidc mode (playwright.oidc.config.ts), the local-model
  // journey a fake OpenAI-compatible server (playwright.local-model.config.ts).
  testIgnore: [/.*\.oidc\.spec\.ts/, /.*\.local-model\.spec\.ts/],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  // The real launcher, on a throwaway data dir: embedded PGlite + Chroma, offline AI, seeded demo org.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "node tests/e2e/support/start-portal.mjs",
        url: `${baseURL}/api/health`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        env: { PORT: String(port) },
      },
});
