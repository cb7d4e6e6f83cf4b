import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  pageNeedsEval,
  transportSecurityHeader,
} from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce in production, never eval or inline", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds unsafe-eval only for next dev, and upgrade-insecure-requests behind https", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("transportSecurityHeader", () => {
  it("sends HSTS only for an https public URL", () => {
    expect(transportSecurityHeader("http://localhost:3000")).toEqual({});
    expect(transportSecurityHeader("https://portal.example.com")["Strict-Transport-Security"]).toMatch(
      /max-age=\d+/,
    );
  });
});

describe("createNonce", () => {
  it("is fresh base64 of 16 random bytes", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});

describe("pageNeedsEval (the scaffolder's ajv form validation compiles schemas)", () => {
  it("allows eval on /create pages only", () => {
    expect(pageNeedsEval("/create")).toBe(true);
    expect(pageNeedsEval("/create/templates/default/x")).toBe(true);
    expect(pageNeedsEval("/createx")).toBe(false);
    expect(pageNeedsEval("/catalog")).toBe(false);
    const strict = contentSecurityPolicy({ nonce: "n", dev: false, https: false });
    const create = contentSecurityPolicy({ nonce: "n", dev: false, https: false, allowEval: true });
    expect(strict).not.toContain("unsafe-eval");
    expect(create).toContain("'unsafe-eval'");
  });
});
