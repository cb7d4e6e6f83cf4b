import { describe, expect, it } from "vitest";
import { parseServerConfig } from "@/lib/config/server-config";
import { checkHost, isSameOrigin, requestHost } from "./host-guard";

const policy = (env: Record<string, string> = {}) => parseServerConfig({ PORT: "3000", ...env }).http;
const h = (values: Record<string, string>) => new Headers(values);

describe("checkHost", () => {
  it("serves the default public host and its loopback aliases on the port", () => {
    const p = policy();
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000"]) {
      expect(checkHost("/catalog", h({ host }), p).ok).toBe(true);
    }
  });

  it("refuses a rebinding domain, another port, or no Host with 421", () => {
    const p = policy();
    for (const host of ["evil.example:3000", "localhost:3001", "localhost", "127.0.0.2:3000"]) {
      expect(checkHost("/api/catalog/entities", h({ host }), p)).toMatchObject({ ok: false, status: 421 });
    }
    expect(checkHost("/", new Headers(), p).ok).toBe(false);
  });

  it("exempts only the health probe path", () => {
    const p = policy();
    expect(checkHost("/api/health", h({ host: "10.1.2.3:3000" }), p).ok).toBe(true);
    expect(checkHost("/api/healthz", h({ host: "10.1.2.3:3000" }), p).ok).toBe(false);
    expect(checkHost("/api/health/../catalog", h({ host: "10.1.2.3:3000" }), p).ok).toBe(false);
  });

  it("serves a configured public host with or without its default port", () => {
    const p = policy({ PORTICO_PUBLIC_URL: "https://portal.example.com" });
    expect(checkHost("/", h({ host: "portal.example.com" }), p).ok).toBe(true);
    expect(checkHost("/", h({ host: "portal.example.com:443" }), p).ok).toBe(true);
    expect(checkHost("/", h({ host: "localhost:3000" }), p).ok).toBe(true);
    expect(checkHost("/", h({ host: "other.example.com" }), p).ok).toBe(false);
  });

  it("trusts X-Forwarded-Host only with PORTICO_TRUST_PROXY", () => {
    const headers = h({ host: "localhost:3000", "x-forwarded-host": "evil.example" });
    expect(requestHost(headers, false)).toBe("localhost:3000");
    expect(checkHost("/", headers, policy()).ok).toBe(true);
    expect(checkHost("/", headers, policy({ PORTICO_TRUST_PROXY: "true" })).ok).toBe(false);
    const proxied = h({ host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.com, x" });
    const trusted = policy({ PORTICO_TRUST_PROXY: "true", PORTICO_PUBLIC_URL: "https://portal.example.com" });
    expect(checkHost("/", proxied, trusted).ok).toBe(true);
  });
});

describe("isSameOrigin", () => {
  it("compares the Origin with the public URL, not with Host", () => {
    const p = policy();
    expect(isSameOrigin("http://localhost:3000", p)).toBe(true);
    expect(isSameOrigin("http://127.0.0.1:3000", p)).toBe(true);
    // A rebinding page: Host and Origin agree with each other, but not with the public URL.
    expect(isSameOrigin("http://evil.example:3000", p)).toBe(false);
    expect(isSameOrigin("https://localhost:3000", p)).toBe(false);
    expect(isSameOrigin("null", p)).toBe(false);
    expect(isSameOrigin(null, p)).toBe(false);
  });

  it("accepts the https public origin behind a proxy", () => {
    const p = policy({ PORTICO_PUBLIC_URL: "https://portal.example.com/" });
    expect(p.publicOrigin).toBe("https://portal.example.com");
    expect(isSameOrigin("https://portal.example.com", p)).toBe(true);
    expect(isSameOrigin("http://portal.example.com", p)).toBe(false);
  });
});
