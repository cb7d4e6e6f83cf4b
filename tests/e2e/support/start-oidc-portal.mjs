// The e2e portal in oidc mode: a loopback OpenID provider (tests/e2e/support/oidc-provider.mjs)
// and the usual launcher (start-portal.mjs) configured against it.
import { spawn } from "node:child_process";
import path from "node:path";
import { startOidcProvider } from "./oidc-provider.mjs";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const port = Number(process.env.PORT ?? 3100);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3190);
const clientId = "portico-e2e";
const clientSecret = "portico-e2e-client-secret";

const idp = await startOidcProvider({
  port: oidcPort,
  redirectUri: `http://localhost:${port}/api/auth/callback/oidc`,
  clientId,
  clientSecret,
});
console.log(`[e2e] OpenID provider at ${idp.issuer}`);

const child = spawn(process.execPath, [path.join(root, "tests/e2e/support/start-portal.mjs")], {
  cwd: root,
  env: {
    ...process.env,
    PORTICO_AUTH_MODE: "oidc",
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    OIDC_SCOPES: "openid profile email groups",
    PORTICO_AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
    PORTICO_ADMIN_GROUPS: "portico-admins",
    PORTICO_BOOTSTRAP_TOKEN: process.env.E2E_BOOTSTRAP_TOKEN ?? "e2e-bootstrap-token-0123456789abcdef",
    // The launcher would otherwise bind 0.0.0.0 in oidc mode; tests stay on loopback.
    PORTICO_BIND_ADDRESS: "127.0.0.1",
  },
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    child.kill(sig);
    void idp.stop();
  });
}
child.on("exit", async (code) => {
  await idp.stop();
  process.exit(code ?? 0);
});
