import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets, redactWithCounts } from "./redact";

// Fake secrets are assembled at runtime so no secret-looking literal exists in
// the source for scanners to flag.
const rep = (s: string, n: number) => s.repeat(n);
const fake = {
  aws: ["AK", "IA", rep("X", 12), "FAKE"].join(""),
  google: ["AI", "za", rep("F", 30), "AKEab"].join(""),
  github: ["gh", "p_", rep("f", 32), "ake0"].join(""),
  githubPat: ["github", "_pat_", rep("F", 30)].join(""),
  slack: ["xo", "xb-", "0000-fake-", rep("z", 10)].join(""),
  jwt: ["ey", "J", rep("h", 12), ".", "ey", "J", rep("p", 16), ".", rep("s", 20)].join(""),
  pw: ["not", "-a-", "real", "-pw"].join(""),
};

describe("redactSecrets", () => {
  it("redacts bearer tokens and Authorization headers", () => {
    const out = redactSecrets(`curl -H "Authorization: Bearer ${fake.github}x" https://api`);
    expect(out).not.toContain(fake.github);
    expect(out).toContain("Authorization: Bearer");
    const basic = redactSecrets(`authorization=Basic ${rep("Q", 20)}==`);
    expect(basic).not.toContain(rep("Q", 20));
  });

  it("redacts cloud and VCS keys by format", () => {
    const out = redactSecrets(
      `aws ${fake.aws} google ${fake.google} gh ${fake.github} pat ${fake.githubPat} slack ${fake.slack}`,
    );
    for (const v of [fake.aws, fake.google, fake.github, fake.githubPat, fake.slack])
      expect(out).not.toContain(v);
    expect(out).toContain("[REDACTED_AWS_KEY]");
    expect(out).toContain("[REDACTED_GOOGLE_KEY]");
    expect(out).toContain("[REDACTED_GITHUB_TOKEN]");
  });

  it("redacts JWTs anywhere in a line", () => {
    const out = redactSecrets(`{"msg":"auth failed","jwt":"${fake.jwt}"}`);
    expect(out).not.toContain(fake.jwt);
    expect(out).toContain("[REDACTED_JWT]");
  });

  it.each([
    [`password=${fake.pw}`, "password="],
    [`DB_PASSWORD: ${fake.pw}`, "DB_PASSWORD: "],
    [`{"client_secret":"${fake.pw}"}`, `"client_secret":"`],
    [`token=${fake.pw}&page=2`, "token="],
    [`api_key = '${fake.pw}'`, "api_key = '"],
    [`secret: ${fake.pw}`, "secret: "],
  ])("redacts generic key/value secrets: %s", (line, keep) => {
    const out = redactSecrets(line);
    expect(out).not.toContain(fake.pw);
    expect(out).toContain(`${keep}${REDACTED}`);
  });

  it("keeps references to secrets that operators need for the fix", () => {
    const lines = [
      'Error: secret "db-credentials" not found',
      "secretName: db-credentials",
      'FATAL: password authentication failed for user "app"',
      "tokenFile: /var/run/secrets/tokens/vault",
    ];
    for (const l of lines) expect(redactSecrets(l)).toBe(l);
  });

  it("redacts passwords inside connection strings, keeping user and host", () => {
    const out = redactSecrets(
      `could not connect: postgres://app:${fake.pw}@db.prod:5432/app and redis://:${fake.pw}@cache:6379`,
    );
    expect(out).not.toContain(fake.pw);
    expect(out).toContain(`postgres://app:${REDACTED}@db.prod:5432/app`);
    expect(out).toContain(`redis://:${REDACTED}@cache:6379`);
    expect(redactSecrets("https://example.com/path@v2")).toBe("https://example.com/path@v2");
  });

  it("redacts multi-line PEM private keys and keeps surrounding lines", () => {
    const begin = ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" ");
    const end = ["-----END", "RSA PRIVATE KEY-----"].join(" ");
    const body = rep("QUJD", 16);
    const input = ["before", begin, body, body, end, "after"].join("\n");
    const out = redactSecrets(input);
    expect(out).not.toContain(body);
    expect(out).toContain("before");
    expect(out).toContain("after");
    expect(out).toContain("[REDACTED_PRIVATE_KEY]");
  });

  it("redacts a PEM key embedded in one JSON line and an unterminated key", () => {
    const begin = ["-----BEGIN", "PRIVATE KEY-----"].join(" ");
    const end = ["-----END", "PRIVATE KEY-----"].join(" ");
    const body = rep("ZmFr", 10);
    expect(redactSecrets(`{"key":"${begin}\\n${body}\\n${end}","ok":1}`)).not.toContain(body);
    expect(redactSecrets(`${begin}\n${body}\n`)).not.toContain(body);
  });

  it("counts replacements per rule without exposing values", () => {
    const { counts, text } = redactWithCounts(`${fake.aws}\npassword=${fake.pw}`);
    expect(counts["aws-access-key-id"]).toBe(1);
    expect(counts["key-value"]).toBe(1);
    expect(JSON.stringify(counts)).not.toContain(fake.pw);
    expect(text.split("\n")).toHaveLength(2);
  });

  it("leaves ordinary log lines untouched", () => {
    const l = "2024-06-04T10:00:00Z INFO GET /api/items 200 12ms";
    expect(redactSecrets(l)).toBe(l);
  });
});
