import { describe, expect, it } from "vitest";
import { humanizeEntityRef, parseEntityRef, stringifyEntityRef, tryCanonicalRef } from "./entity-ref";

describe("entity refs", () => {
  it("parses full and partial refs with defaults", () => {
    expect(parseEntityRef("component:ns/a")).toEqual({ kind: "component", namespace: "ns", name: "a" });
    expect(parseEntityRef("team-a", { defaultKind: "Group" })).toEqual({
      kind: "Group",
      namespace: "default",
      name: "team-a",
    });
    expect(parseEntityRef("ops/team-a", { defaultKind: "Group", defaultNamespace: "x" })).toEqual({
      kind: "Group",
      namespace: "ops",
      name: "team-a",
    });
    expect(parseEntityRef("team-a", { defaultKind: "Group", defaultNamespace: "x" }).namespace).toBe("x");
  });

  it("treats a slash before the colon as namespace/name", () => {
    expect(parseEntityRef("ns/a:b", { defaultKind: "Component" })).toEqual({
      kind: "Component",
      namespace: "ns",
      name: "a:b",
    });
  });

  it("rejects empty parts and missing kinds", () => {
    expect(() => parseEntityRef("component:")).toThrow(/form/);
    expect(() => parseEntityRef(":a")).toThrow(/form/);
    expect(() => parseEntityRef("a")).toThrow(/kind/);
    expect(() => parseEntityRef("")).toThrow(/empty/);
    expect(tryCanonicalRef("a")).toBeUndefined();
  });

  it("stringifies to the canonical lower-case form", () => {
    expect(stringifyEntityRef({ kind: "Component", namespace: "Default", name: "Payments" })).toBe(
      "component:default/payments",
    );
    expect(stringifyEntityRef({ apiVersion: "v", kind: "API", metadata: { name: "Pay" } })).toBe(
      "api:default/pay",
    );
    expect(tryCanonicalRef("Team-A", { defaultKind: "Group" })).toBe("group:default/team-a");
  });

  it("humanizes refs", () => {
    expect(humanizeEntityRef({ kind: "Group", namespace: "default", name: "a" }, "group")).toBe("a");
    expect(humanizeEntityRef({ kind: "Group", namespace: "ops", name: "a" })).toBe("Group:ops/a");
  });
});
