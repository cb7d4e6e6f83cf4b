import { describe, expect, it } from "vitest";
import {
  evaluateIf,
  isSingleExpression,
  isTruthy,
  renderInput,
  renderString,
  TemplateSyntaxError,
  toTemplateValue,
} from "./renderer";

const ctx = toTemplateValue({
  parameters: { name: "svc", port: 8080, flags: { a: true }, empty: "", list: [], zero: 0, tags: ["x", "y"] },
  steps: { "a-b": { output: { url: "https://x" } }, publish: { output: { n: 2 } } },
  user: { ref: "user:default/guest" },
  context: { task: { id: "t1" } },
}) as Record<string, never>;

describe("renderInput (Backstage's typed-input rules)", () => {
  it("keeps the JSON type of a whole ${{ expr }}", () => {
    expect(renderInput("${{ parameters.port }}", ctx)).toBe(8080);
    expect(renderInput("${{ parameters.flags }}", ctx)).toEqual({ a: true });
    expect(renderInput("${{ parameters.tags }}", ctx)).toEqual(["x", "y"]);
    expect(renderInput("  ${{ parameters.flags.a }} ", ctx)).toBe(true);
  });
  it("renders mixed text as a string", () => {
    expect(renderInput("port ${{ parameters.port }}", ctx)).toBe("port 8080");
    expect(renderInput("${{ parameters.port }}${{ parameters.port }}", ctx)).toBe("80808080");
  });
  it("drops inputs that render empty and renders undefined as empty", () => {
    expect(renderInput("${{ parameters.missing }}", ctx)).toBeUndefined();
    expect(renderInput("${{ parameters.empty }}", ctx)).toBeUndefined();
    expect(renderInput({ a: "${{ parameters.missing }}", b: 1 }, ctx)).toEqual({ b: 1 });
    expect(renderString("[${{ parameters.missing }}]", ctx)).toBe("[]");
  });
  it("reads steps by bracket and dot, context.task.id and user", () => {
    expect(renderInput("${{ steps['a-b'].output.url }}", ctx)).toBe("https://x");
    expect(renderInput("${{ steps.publish.output.n }}", ctx)).toBe(2);
    expect(renderInput("${{ context.task.id }}/${{ user.ref }}", ctx)).toBe("t1/user:default/guest");
  });
  it("supports {% %} tags, built-in filters and leaves single-brace ${x} alone", () => {
    expect(renderString("{% if parameters.port > 80 %}hi{% endif %} ${x}", ctx)).toBe("hi ${x}");
    expect(renderString("${{ parameters.tags | join('-') | upper }}", ctx)).toBe("X-Y");
    expect(renderString("${{ parameters.missing | default('d') }}", ctx)).toBe("d");
    expect(renderString("${{ parameters.flags | dump }}", ctx)).toBe('{"a":true}');
  });
  it("names line and column of syntax errors", () => {
    try {
      renderString("ok\n${{ foo( }}", ctx);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateSyntaxError);
      expect((e as TemplateSyntaxError).line).toBe(2);
    }
  });
  it("detects single expressions", () => {
    expect(isSingleExpression("${{ a }}")).toBe(true);
    expect(isSingleExpression("${{ a }} ${{ b }}")).toBe(false);
    expect(isSingleExpression("x${{ a }}")).toBe(false);
  });
});

describe("if truthiness", () => {
  it("treats false, undefined, null, '', 0 and [] as false", () => {
    for (const v of [false, undefined, null, "", 0, []]) expect(isTruthy(v)).toBe(false);
    for (const v of [true, "x", 1, [0], {}]) expect(isTruthy(v)).toBe(true);
  });
  it("evaluates template conditions with their JSON type", () => {
    expect(evaluateIf("${{ parameters.zero }}", ctx)).toBe(false);
    expect(evaluateIf("${{ parameters.list }}", ctx)).toBe(false);
    expect(evaluateIf("${{ parameters.empty }}", ctx)).toBe(false);
    expect(evaluateIf("${{ parameters.missing }}", ctx)).toBe(false);
    expect(evaluateIf("${{ parameters.flags.a }}", ctx)).toBe(true);
    expect(evaluateIf("${{ parameters.port == 8080 }}", ctx)).toBe(true);
    expect(evaluateIf("${{ parameters.port != 8080 }}", ctx)).toBe(false);
    expect(evaluateIf(false, ctx)).toBe(false);
    expect(evaluateIf(undefined, ctx)).toBe(true);
  });
});
