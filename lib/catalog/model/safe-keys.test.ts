import { describe, expect, it } from "vitest";
import { findReservedKeys, lookupTable, ownValue, setOwn } from "./safe-keys";

describe("safe-keys", () => {
  it("finds reserved keys anywhere, with dot paths", () => {
    const doc = JSON.parse(
      '{"spec":{"__proto__":{"x":1},"a":[{"constructor":1}]},"metadata":{"annotations":{"prototype":"p"}}}',
    );
    expect(findReservedKeys(doc).sort()).toEqual(
      ["metadata.annotations.prototype", "spec.__proto__", "spec.a.0.constructor"].sort(),
    );
    expect(findReservedKeys({ spec: { ok: [1, 2, { fine: true }] } })).toEqual([]);
  });

  it("reads and writes own properties only", () => {
    expect(ownValue({}, "constructor")).toBeUndefined();
    expect(ownValue({}, "__proto__")).toBeUndefined();
    const target: Record<string, unknown> = {};
    setOwn(target, "__proto__", { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(lookupTable({ kind: "e.kind" }).get("constructor")).toBeUndefined();
  });
});
