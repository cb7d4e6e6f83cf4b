import { describe, expect, it } from "vitest";
import { renderInput, renderString, TemplateSyntaxError, toTemplateValue } from "./renderer";

const ctx = toTemplateValue({ parameters: { name: "x" }, values: { s: "abc" } }) as Record<string, never>;

const escapes = [
  "${{ constructor.constructor('return process')() }}",
  "${{ parameters.constructor.constructor('return process')() }}",
  "${{ ''.constructor.constructor('return process')() }}",
  "${{ parameters.__proto__ }}",
  "${{ parameters['__proto__']['polluted'] }}",
  "${{ range.constructor('return process')() }}",
  "${{ cycler.constructor('return process')() }}",
  "${{ joiner.constructor('return process')() }}",
  "${{ joiner('x').constructor }}",
  "${{ (range(1)).constructor.constructor('return globalThis.process')() }}",
  "${{ values.s.toString.call.call }}",
  "{% set x = parameters.constructor %}${{ x }}",
  "${{ lipsum.constructor('return process')() }}",
  "${{ parameters | attr('constructor') }}",
  "${{ this }}",
  "${{ process.exit(1) }}",
  "${{ require('fs') }}",
  "${{ globalThis }}",
];

describe("sandbox", () => {
  it.each(escapes)("%s cannot reach Node", (source) => {
    const marker = (globalThis as Record<string, unknown>).polluted;
    let out: unknown;
    try {
      out = renderInput(source, ctx);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateSyntaxError);
    }
    // Either refused, or rendered to nothing: never a function, process or a global.
    expect(typeof out === "function" || (typeof out === "object" && out !== null && "pid" in out)).toBe(
      false,
    );
    if (typeof out === "string") expect(out).not.toMatch(/function|process|\[object/i);
    expect((globalThis as Record<string, unknown>).polluted).toBe(marker);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("bounds loop work per render", () => {
    expect(() => renderString("{% for i in range(100000000) %}x{% endfor %}", ctx)).toThrow(/limit/);
  });

  it("bounds output size per render", () => {
    const t0 = performance.now();
    expect(() =>
      renderString(
        "{% for i in range(1000) %}{% for j in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}",
        ctx,
      ),
    ).toThrow(/limit/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("does not execute template-controlled regexes", () => {
    expect(() => renderString("${{ values.s | replace(r/(a+)+$/, 'x') }}", ctx)).toThrow();
  });
});
