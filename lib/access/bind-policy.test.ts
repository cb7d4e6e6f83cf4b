import { describe, expect, it } from "vitest";
import { parseServerConfig } from "@/lib/config/server-config";
import { decideBind, defaultBindAddress, isLoopbackAddress } from "./bind-policy";

const auth = (env: Record<string, string> = {}) => parseServerConfig(env).auth;

describe("bind policy", () => {
  it("binds loopback by default in local mode and anywhere in oidc mode", () => {
    expect(defaultBindAddress(auth())).toBe("127.0.0.1");
    const oidc = auth({
      PORTICO_AUTH_MODE: "oidc",
      OIDC_ISSUER_URL: "https://idp.example.com",
      OIDC_CLIENT_ID: "portico",
      OIDC_CLIENT_SECRET: "s",
      PORTICO_AUTH_SECRET: "x".repeat(32),
    });
    expect(defaultBindAddress(oidc)).toBe("0.0.0.0");
    expect(decideBind(oidc, "0.0.0.0")).toEqual({ allowed: true, warning: null });
  });

  it("refuses a non-loopback address in local mode with one clear line", () => {
    const d = decideBind(auth(), "0.0.0.0");
    expect(d.allowed).toBe(false);
    if (!d.allowed) {
      expect(d.error).toContain("PORTICO_AUTH_MODE=local");
      expect(d.error).not.toContain("\n");
    }
    for (const a of ["127.0.0.1", "::1", "localhost", "[::1]", "127.1.2.3"])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ["0.0.0.0", "::", "10.0.0.5", "portico-7d9f"])
      expect(decideBind(auth(), a).allowed).toBe(false);
  });

  it("allows it with PORTICO_ALLOW_INSECURE_NETWORK=true, with a loud warning", () => {
    const d = decideBind(auth({ PORTICO_ALLOW_INSECURE_NETWORK: "true" }), "0.0.0.0");
    expect(d).toMatchObject({ allowed: true });
    if (d.allowed) expect(d.warning).toMatch(/^WARNING/);
  });

  it("requires the OIDC settings in oidc mode, one line per missing variable", () => {
    expect(() => parseServerConfig({ PORTICO_AUTH_MODE: "oidc" })).toThrow(
      /OIDC_ISSUER_URL: required[\s\S]*PORTICO_AUTH_SECRET: required/,
    );
  });
});
