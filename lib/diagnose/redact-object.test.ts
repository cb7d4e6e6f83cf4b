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
