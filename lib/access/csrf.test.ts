import { describe, expect, it } from "vitest";
import { publicAddresses } from "@/lib/config/server-config";
import { assertSameOriginWrite } from "./csrf";
import { localAdmin, type Principal } from "./principal";

const session: Principal = { ...localAdmin(), id: "user:a", kind: "user", via: "session" };
const token: Principal = { ...session, via: "token" };
// What parseServerConfig derives from PORTICO_PUBLIC_URL=https://portal.example.com, PORT=3000.
const { sameOrigins } = publicAddresses("https://portal.example.com", 3000);
const req = (method: string, headers: Record<string, string> = {}, url = "http://localhost:3000") =>
  new Request(`${url}/api/catalog/register`, { method, headers });

describe("CSRF on cookie-authenticated writes", () => {
  it("refuses a cross-site or origin-less write made with a session cookie", () => {
    expect(() =>
      assertSameOriginWrite(req("POST", { origin: "https://evil.example" }), session, sameOrigins),
    ).toThrow(/Cross-site/);
    expect(() => assertSameOriginWrite(req("DELETE"), session, sameOrigins)).toThrow(/Cross-site/);
    expect(() =>
      assertSameOriginWrite(req("POST", { "sec-fetch-site": "cross-site" }), session, sameOrigins),
    ).toThrow();
  });

  it("judges the Origin against the configured origins, not the request's own URL", () => {
    // A request whose URL (Host) says evil.example is not same-origin with evil.example.
    expect(() =>
      assertSameOriginWrite(
        req("POST", { origin: "https://evil.example" }, "https://evil.example"),
        session,
        sameOrigins,
      ),
    ).toThrow(/Cross-site/);
  });

  it("allows the public origin, its loopback aliases, reads and bearer tokens", () => {
    for (const origin of ["https://portal.example.com", "http://localhost:3000", "http://127.0.0.1:3000"]) {
      expect(
        () => assertSameOriginWrite(req("POST", { origin }), session, sameOrigins),
        origin,
      ).not.toThrow();
    }
    expect(() =>
      assertSameOriginWrite(req("POST", { "sec-fetch-site": "same-origin" }), session, sameOrigins),
    ).not.toThrow();
    expect(() => assertSameOriginWrite(req("GET"), session, sameOrigins)).not.toThrow();
    expect(() =>
      assertSameOriginWrite(req("POST", { origin: "https://evil.example" }), token, sameOrigins),
    ).not.toThrow();
  });
});
