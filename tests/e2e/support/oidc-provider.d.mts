/** Types for oidc-provider.mjs, which integration tests import too. */
export function startOidcProvider(options: {
  port: number;
  redirectUri: string;
  clientId: string;
  clientSecret: string;
}): Promise<{ issuer: string; stop: () => Promise<unknown> }>;
