import { describe, expect, it } from "vitest";
import { assertSameOriginWrite } from "./csrf";
import { localAdmin, type Principal } from "./principal";

const session: Principal = { ...localAdmin(), id: "user:a", kind: "user", via: "session" };
const token: Principal = { ...session, via: "token" };
const req = (method: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/catalog/register", { method, headers });

describe("CSRF on cookie-authenticated writes", () => {
  it("refuses a cross-site or origin-less write made with a session cookie", () => {
    expect(() =>
      assertSameOriginWrite(req("POST", { origin: "https://evil.example" }), session, undefined),
    ).toThrow(/Cross-site/);
    expect(() => assertSameOriginWrite(req("DELETE"), session, undefined)).toThrow(/Cross-site/);
    expect(() =>
      assertSameOriginWrite(req("POST", { "sec-fetch-site": "cross-site" }), session, undefined),
    ).toThrow();
  });

  it("allows same-origin writes, reads, bearer tokens and the public origin", () => {
    expect(() =>
      assertSameOriginWrite(req("POST", { origin: "http://localhost:3000" }), session, undefined),
    ).not.toThrow();
    expect(() =>
      assertSameOriginWrite(req("POST", { "sec-fetch-site": "same-origin" }), session, undefined),
    ).not.toThrow();
    expect(() => assertSameOriginWrite(req("GET"), session, undefined)).not.toThrow();
    expect(() =>
      assertSameOriginWrite(req("POST", { origin: "https://evil.example" }), token, undefined),
    ).not.toThrow();
    expect(() =>
      assertSameOriginWrite(
        req("POST", { origin: "https://portal.example.com" }),
        session,
        "https://portal.example.com",
      ),
    ).not.toThrow();
  });
});
