import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

/**
 * The local-model chat journey: the portal with PORTICO_AI_BASE_URL pointing at a loopback
 * fake OpenAI-compatible server (`npx playwright test -c playwright.local-model.config.ts`).
 */
export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: /.*\.local-model\.spec\.ts/,
  use: { ...base.use, baseURL },
  webServer: {
    command: "node tests/e2e/support/start-local-model-portal.mjs",
    url: `${baseURL}/api/health?probe=live`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port) },
  },
});
