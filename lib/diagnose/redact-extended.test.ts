import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact";

// Fake secrets are assembled at runtime so no secret-looking literal sits in
// the source for scanners to flag.
const rep = (s: string, n: number) => s.repeat(n);
const fake = {
  openai: ["s", "k-", "proj-", rep("A", 24), "fake"].join(""),
  plainSk: ["s", "k-", rep("b", 40)].join(""),
  anthropic: ["s", "k-", "ant-", "api03-", rep("C", 30)].join(""),
  slackHook: ["https://hooks.", "slack.com/services/", "T000FAKE/B000FAKE/", rep("x", 24)].join(""),
  sig: ["sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&", "sig=", rep("Z", 20), "%2Bfake%3D"].join(""),
  dockerAuth: ["ZmFr", "ZTpm", "YWtl"].join(""),
  cookie: ["session", "=", rep("q", 20)].join(""),
  pw: ["not", "-a-", "real", "-pw"].join(""),
};

describe("redactSecrets: extended rules", () => {
  it("redacts sk- and sk-ant- API keys but not short sk- words", () => {
    const out = redactSecrets(`OPENAI=${fake.openai} key ${fake.plainSk} and ${fake.anthropic}`);
    for (const v of [fake.openai, fake.plainSk, fake.anthropic]) expect(out).not.toContain(v);
    expect(out).toContain("[REDACTED_API_KEY]");
    expect(redactSecrets("pip install sk-learn scikit-learn; task-runner ok")).toBe(
      "pip install sk-learn scikit-learn; task-runner ok",
    );
  });

  it("redacts Slack webhook paths, keeping the host", () => {
    const out = redactSecrets(`POST ${fake.slackHook} failed: 404`);
    expect(out).not.toContain("B000FAKE");
    expect(out).toContain(`https://hooks.slack.com/services/${REDACTED}`);
    expect(redactSecrets("see https://api.slack.com/messaging/webhooks")).toBe(
      "see https://api.slack.com/messaging/webhooks",
    );
  });

  it("redacts the Azure SAS signature only", () => {
    const out = redactSecrets(`GET https://acct.blob.core.windows.net/c/b?${fake.sig} 403`);
    expect(out).not.toContain(rep("Z", 20));
    expect(out).toContain(`sig=${REDACTED}`);
    expect(out).toContain("sp=r");
    expect(redactSecrets("config=prod signal=ok design=x")).toBe("config=prod signal=ok design=x");
  });

  it("redacts PGP private key blocks across lines", () => {
    const block = [
      "-----BEGIN PGP PRIVATE KEY BLOCK-----",
      "",
      `lQOYBF${rep("k", 60)}`,
      `=${rep("w", 4)}`,
      "-----END PGP PRIVATE KEY BLOCK-----",
      "after",
    ].join("\n");
    const out = redactSecrets(`gpg import failed\n${block}`);
    expect(out).not.toContain(rep("k", 60));
    expect(out).toContain("[REDACTED_PRIVATE_KEY]");
    expect(out).toContain("after");
    expect(redactSecrets("-----BEGIN PGP PUBLIC KEY BLOCK-----")).toBe(
      "-----BEGIN PGP PUBLIC KEY BLOCK-----",
    );
  });

  it("redacts docker config auth values", () => {
    const out = redactSecrets(`{"auths":{"ghcr.io":{"auth":"${fake.dockerAuth}"}}}`);
    expect(out).not.toContain(fake.dockerAuth);
    expect(out).toContain(`"auth":"${REDACTED}"`);
    expect(redactSecrets('{"author":"jane","authMode":"oidc"}')).toBe('{"author":"jane","authMode":"oidc"}');
  });

  it("redacts Cookie and Set-Cookie header values", () => {
    for (const header of ["Cookie", "Set-Cookie", "set-cookie"]) {
      const out = redactSecrets(`> ${header}: ${fake.cookie}; Path=/; HttpOnly`);
      expect(out).not.toContain(rep("q", 20));
      expect(out).toContain(`${header}: ${REDACTED}`);
    }
    expect(redactSecrets("accept the cookie policy")).toBe("accept the cookie policy");
  });

  it("redacts space-separated --password style flags", () => {
    const out = redactSecrets(`psql --password ${fake.pw} && vault login --token '${fake.pw}'`);
    expect(out).not.toContain(fake.pw);
    expect(redactSecrets("cmd --password-file /run/pw --token-ttl 5m")).toBe(
      "cmd --password-file /run/pw --token-ttl 5m",
    );
  });

  it("redacts -p passwords for mysql-style tools only, not ports", () => {
    expect(redactSecrets(`mysql -u root -p${fake.pw} app`)).not.toContain(fake.pw);
    expect(redactSecrets(`sshpass -p ${fake.pw} ssh host`)).not.toContain(fake.pw);
    expect(redactSecrets(`redis-cli -h r -a ${fake.pw} ping`)).not.toContain(fake.pw);
    expect(redactSecrets("docker run -p 8080:80 nginx")).toBe("docker run -p 8080:80 nginx");
    expect(redactSecrets("psql -h db -p 5432 -U app")).toBe("psql -h db -p 5432 -U app");
  });

  it("redacts quoted values containing spaces", () => {
    const out = redactSecrets(`password="${fake.pw} with spaces" user=bob`);
    expect(out).toBe(`password="${REDACTED}" user=bob`);
    const json = redactSecrets(`{"client_secret": "${fake.pw} two words", "name": "x"}`);
    expect(json).not.toContain("two words");
    expect(json).toContain('"name": "x"');
    expect(redactSecrets('secretName="db creds"')).toBe('secretName="db creds"');
  });
});
