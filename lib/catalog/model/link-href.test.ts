import { describe, expect, it } from "vitest";
import { safeLinkHref } from "./link-href";

describe("safeLinkHref", () => {
  it("keeps http, https and mailto links", () => {
    for (const url of ["https://example.com/a?b=c", "http://localhost:3000", "mailto:team@example.com"])
      expect(safeLinkHref(url)).toBe(url);
  });

  it("drops script, data and other schemes, and non-strings", () => {
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "ftp://example.com",
      "//evil.example",
      "not a url",
      42,
      undefined,
    ])
      expect(safeLinkHref(url)).toBeUndefined();
  });
});
