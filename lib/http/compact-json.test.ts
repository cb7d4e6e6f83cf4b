import { describe, expect, it } from "vitest";
import { compactJsonText } from "./compact-json";

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

describe("compactJsonText", () => {
  it("prints what JSON.stringify prints for PostgreSQL's jsonb text", () => {
    // As `SELECT value::text` prints it: ", " and ": " between tokens, escapes inside strings.
    const printed =
      '{"a": 1, "b": [1, 2, {"c": null}], "s": "x, y: z", "q": "say \\"hi\\", ok", "t": "tab\\tend", "u": "é 😀", "e": {}, "l": []}';
    const value = JSON.parse(printed);
    expect(text(compactJsonText(printed))).toBe(JSON.stringify(value));
  });

  it("keeps whitespace inside strings, after escaped backslashes too", () => {
    const printed = '["a b", "c\\\\", " d ", "\\\\\\" e"]';
    expect(text(compactJsonText(printed))).toBe(JSON.stringify(JSON.parse(printed)));
  });

  it("drops newlines and tabs between tokens (json_agg output)", () => {
    const printed =
      '[{"type" : "ownedBy", "targetRef" : "group:default/a"}, \n {"type" : "x", "targetRef" : "y"}]';
    expect(text(compactJsonText(printed))).toBe(JSON.stringify(JSON.parse(printed)));
  });
});
