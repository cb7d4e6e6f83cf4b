import { describe, expect, it } from "vitest";
import { contentHash, stableStringify } from "./entity-row";

describe("stableStringify", () => {
  it("sorts keys at every level, drops undefined properties and keeps array order", () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: undefined, x: "é\n" }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":"é\\n","z":1}]},"b":1}',
    );
    expect(stableStringify([undefined, "s", true])).toBe('[null,"s",true]');
    expect(stableStringify(undefined)).toBe("null");
  });

  it("gives the same content hash whatever the key order, ignoring uid/etag/generation", () => {
    const a = {
      apiVersion: "v1",
      kind: "Component",
      metadata: { name: "x", uid: "1" },
      spec: { a: 1, b: 2 },
    };
    const b = {
      spec: { b: 2, a: 1 },
      metadata: { etag: "e", name: "x" },
      kind: "Component",
      apiVersion: "v1",
    };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash({ ...a, spec: { a: 1, b: 3 } }));
  });
});
