import { describe, expect, it } from "vitest";
import { makeSnippet } from "./snippet";

describe("makeSnippet", () => {
  const md = [
    "- First bullet about nothing.",
    "- `x509: certificate signed by unknown authority` appears in logs.",
    "",
    "```bash",
    "openssl s_client -connect host:443",
    "```",
    "| Error | Cause |",
    "|-------|-------|",
    "| **expired** | renewal failed |",
  ].join("\n");

  it("starts at the line that best matches the query and strips markdown syntax", () => {
    const s = makeSnippet(md, "unknown authority");
    expect(s.startsWith("x509: certificate signed by unknown authority appears in logs.")).toBe(true);
    expect(s).not.toMatch(/```|\*\*|\|---/);
    expect(s).toContain("openssl s_client");
  });

  it("truncates at a word boundary with an ellipsis", () => {
    const s = makeSnippet(`${"alpha beta gamma ".repeat(40)}`, "gamma", 50);
    expect(s.length).toBeLessThanOrEqual(50);
    expect(s.endsWith("…")).toBe(true);
  });

  it("returns an empty string for empty content", () => {
    expect(makeSnippet("```\n```", "x")).toBe("");
  });
});
