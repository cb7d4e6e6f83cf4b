// A real OpenID Connect provider on loopback (the `oidc-provider` package, with its
// development login/consent pages) for the sign-in e2e test. Any login name signs in;
// the accounts below carry the email and groups claims Portico maps to roles and teams.
import Provider from "oidc-provider";

const ACCOUNTS = {
  alice: { name: "Alice Admin", groups: ["portico-admins", "payments"] },
  bob: { name: "Bob Member", groups: ["checkout"] },
};

export async function startOidcProvider({ port, redirectUri, clientId, clientSecret }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_ctx, id) {
      const account = ACCOUNTS[id] ?? { name: id, groups: [] };
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: `${id}@example.com`,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups", "offline_access"],
    // Put the requested claims in the ID token, as Okta/Entra/Keycloak can, so no userinfo call is needed.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-only-cookie-key-0123456789"] },
  });
  provider.proxy = false;
  const server = provider.listen(port);
  await new Promise((resolve) => server.once("listening", resolve));
  return { issuer, stop: () => new Promise((r) => server.close(r)) };
}
