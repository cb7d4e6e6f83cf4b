import { describe, expect, it } from "vitest";
import { declaredParameterNames, findVariableRefs } from "./variables";

describe("findVariableRefs", () => {
  it("finds dotted and bracket paths with line and column", () => {
    const refs = findVariableRefs(
      "a\nb ${{ parameters.name | upper }} ${{ steps['pub-x'].output.url or steps[\"b\"].output.y }}",
    );
    expect(refs.map((r) => [r.root, r.path.join("."), r.line])).toEqual([
      ["parameters", "name", 2],
      ["steps", "pub-x.output.url", 2],
      ["steps", "b.output.y", 2],
    ]);
    expect(refs[0].column).toBe(7);
  });
  it("ignores references inside string literals and single-brace text", () => {
    expect(findVariableRefs("${{ 'parameters.x' }} ${parameters.y} {{ values.z }}")).toEqual([]);
    expect(findVariableRefs("{{ cookiecutter.z }}", true).map((r) => r.path[0])).toEqual(["z"]);
  });
  it("collects declared parameters across pages, dependencies and oneOf", () => {
    const names = declaredParameterNames([
      { properties: { a: {} }, dependencies: { a: { oneOf: [{ properties: { b: {} } }] } } },
      JSON.parse('{"properties":{"c":{}},"then":{"properties":{"d":{}}}}'),
    ]);
    expect([...names].sort()).toEqual(["a", "b", "c", "d"]);
  });
});

describe("findVariableRefs on hostile or large input", () => {
  it("is linear: unclosed openers and many tags", () => {
    const t = performance.now();
    findVariableRefs("${{".repeat(200_000));
    findVariableRefs("{%".repeat(200_000));
    const refs = findVariableRefs("${{ values.a }}\n".repeat(50_000));
    expect(refs).toHaveLength(50_000);
    expect(refs[49_999]).toMatchObject({ line: 50_000, column: 5 });
    expect(performance.now() - t).toBeLessThan(3000);
  });

  it("ignores {# comments #} and plain {{ }} outside cookiecutter mode", () => {
    expect(
      findVariableRefs("{# ${{ values.a }} #} {{ values.b }} ${{ values.c }}").map((r) => r.text),
    ).toEqual(["values.c"]);
  });
});
