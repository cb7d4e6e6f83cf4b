import { describe, expect, it } from "vitest";
import { blankTemplateTags } from "./skeleton-outputs";

describe("blankTemplateTags", () => {
  it("replaces expressions, drops control tags and keeps the source's line numbers", () => {
    const src = "name: ${{ values.name }}\n{%- if values.x %}\ndesc: ${{\n values.d }}\n{% endif %}\n";
    const out = blankTemplateTags(src, "x0");
    expect(out).toBe("name: x0\n\ndesc: x0\n\n\n");
    expect(out.split("\n").length).toBe(src.split("\n").length);
  });

  it("leaves single braces and (outside cookiecutter mode) GitHub-style {{ }} alone", () => {
    expect(blankTemplateTags("a: ${x} {{ y }} {}", "Z")).toBe("a: ${x} {{ y }} {}");
    expect(blankTemplateTags("a: {{ cookiecutter.n }}", "Z", true)).toBe("a: Z");
  });

  it("stays linear on hostile input", () => {
    const hostile = "${{".repeat(300_000);
    const t = performance.now();
    blankTemplateTags(hostile, "x");
    blankTemplateTags("{%".repeat(300_000), "x");
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
