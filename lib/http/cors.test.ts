import { describe, expect, it } from "vitest";
import { corsHeaders, isOriginAllowed, isSameOrigin } from "./cors";

describe("cors", () => {
  it("allows only listed origins", () => {
    expect(corsHeaders("https://ok.example", ["https://ok.example"])["Access-Control-Allow-Origin"]).toBe(
      "https://ok.example",
    );
    expect(corsHeaders("https://evil.example", ["https://ok.example"])).toEqual({});
    expect(isOriginAllowed("https://evil.example", ["https://ok.example"])).toBe(false);
  });

  it("treats requests without Origin (curl, server-to-server) as allowed", () => {
    expect(isOriginAllowed(null, [])).toBe(true);
  });

  it("supports a wildcard allowlist", () => {
    expect(corsHeaders("https://any.example", ["*"])["Access-Control-Allow-Origin"]).toBe("*");
  });
});

describe("isSameOrigin", () => {
  it("compares the Origin with the Host the browser used, not the bind address", () => {
    expect(isSameOrigin("http://localhost:3000", new Headers({ host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin("http://evil.example", new Headers({ host: "localhost:3000" }))).toBe(false);
  });

  it("honours X-Forwarded-Host behind a reverse proxy", () => {
    const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.com" });
    expect(isSameOrigin("https://portal.example.com", headers)).toBe(true);
  });

  it("is false without an Origin or with a malformed one", () => {
    expect(isSameOrigin(null, new Headers({ host: "a" }))).toBe(false);
    expect(isSameOrigin("not a url", new Headers({ host: "a" }))).toBe(false);
  });
});
