/**
 * Environment for integration tests that need oidc mode with API tokens only. The issuer is
 * unreachable on purpose: the portal must keep serving tokens without its identity provider.
 */
export const OIDC_TEST_BOOTSTRAP = "bootstrap-secret-for-tests-0123456789abcdef";

export const OIDC_TEST_ENV = {
  PORTICO_AUTH_MODE: "oidc",
  OIDC_ISSUER_URL: "http://127.0.0.1:9/unreachable",
  OIDC_CLIENT_ID: "portico",
  OIDC_CLIENT_SECRET: "client-secret",
  PORTICO_AUTH_SECRET: "auth-secret-for-tests-0123456789abcdef",
  PORTICO_BOOTSTRAP_TOKEN: OIDC_TEST_BOOTSTRAP,
} as const;
