import { describe, expect, it } from "vitest";
import { REDACTED } from "./redact";
import { redactObject } from "./redact-object";

const fake = ["fa", "ke", "-val", "ue"].join("");

describe("redactObject", () => {
  it("redacts secret keys, Kubernetes env values and secrets inside strings", () => {
    const out = redactObject({
      password: fake,
      secretName: "db-creds",
      env: [
        { name: "API_TOKEN", value: fake },
        { name: "LOG_LEVEL", value: "debug" },
      ],
      args: [`--dsn=postgres://u:${fake}@db/app`],
      nested: { n: 1, ok: true, none: null },
    });
    expect(JSON.stringify(out)).not.toContain(fake);
    expect(out).toMatchObject({
      password: REDACTED,
      secretName: "db-creds",
      env: [{ name: "API_TOKEN", value: REDACTED }, { value: "debug" }],
      nested: { n: 1, ok: true, none: null },
    });
  });
});

describe("redactObject: widened key list", () => {
  it("replaces values under every secret-ish key, keeps references and settings", () => {
    const keys = [
      "token",
      "secret",
      "password",
      "passwd",
      "apiKey",
      "api_key",
      "authorization",
      "cookie",
      "set-cookie",
      "private_key",
      "client_secret",
      "access_key",
      "session",
      "credentials",
      "auth",
    ];
    const input = Object.fromEntries(keys.map((k) => [k, fake]));
    const out = redactObject({
      ...input,
      secretName: "db-creds",
      tokenFile: "/var/run/token",
      sessionAffinity: "ClientIP",
      author: "jane",
      automountServiceAccountToken: true,
    }) as Record<string, unknown>;
    for (const k of keys) expect(out[k], k).toBe(REDACTED);
    expect(out).toMatchObject({
      secretName: "db-creds",
      tokenFile: "/var/run/token",
      sessionAffinity: "ClientIP",
      author: "jane",
      automountServiceAccountToken: true,
    });
  });

  it("keeps a __proto__ key as data instead of a prototype", () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": "${fake}"}, "password": "${fake}"}`);
    const out = redactObject(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain(`"password":"${fake}"`);
  });
});
