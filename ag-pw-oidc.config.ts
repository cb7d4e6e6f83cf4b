import { defineConfig } from "@playwright/test";
import base from "/work/wt/access-gaps/playwright.config";
export default defineConfig({ ...base, testDir: "/work/wt/access-gaps/tests/e2e", testIgnore: [], testMatch: /.*\.oidc\.spec\.ts/, webServer: undefined });
