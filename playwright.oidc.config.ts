import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

/**
 * The sign-in e2e suite: the portal in PORTICO_AUTH_MODE=oidc against a real OpenID
 * provider on loopback (`npx playwright test -c playwright.oidc.config.ts`).
 */
export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: /.*\.oidc\.spec\.ts/,
  use: { ...base.use, baseURL },
  webServer: {
    command: "node tests/e2e/support/start-oidc-portal.mjs",
    url: `${baseURL}/api/health?probe=live`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port) },
  },
});
