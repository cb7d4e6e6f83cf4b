import { describe, expect, it } from "vitest";
import { corsHeaders, isOriginAllowed } from "./cors";

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
