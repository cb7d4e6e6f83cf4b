import { describe, expect, it } from "vitest";
import { parseEntityRef, stringifyEntityRef } from "./entity-ref";
import { buildRelations, inverseRelation, RELATION_PAIRS } from "./relations";
import type { Entity } from "./types";

const entity = (kind: string, spec: Record<string, unknown>, namespace = "default"): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind,
  metadata: { name: "me", namespace },
  spec,
});

describe("relations", () => {
  it("has symmetric inverses", () => {
    for (const [a, b] of RELATION_PAIRS) {
      expect(inverseRelation(a)).toBe(b);
      expect(inverseRelation(b)).toBe(a);
    }
    expect(() => inverseRelation("nope")).toThrow();
  });

  it("emits both directions for component fields with default kinds", () => {
    const { rows, problems } = buildRelations(
      entity("Component", {
        owner: "team-a",
        system: "shop",
        subcomponentOf: "parent",
        providesApis: ["pay-api"],
        consumesApis: ["other/users-api"],
        dependsOn: ["resource:db"],
      }),
    );
    expect(problems).toEqual([]);
    const self = "component:default/me";
    const out = rows.filter((r) => r.sourceRef === self).map((r) => `${r.type} ${r.targetRef}`);
    expect(out).toEqual([
      "ownedBy group:default/team-a",
      "partOf system:default/shop",
      "partOf component:default/parent",
      "providesApi api:default/pay-api",
      "consumesApi api:other/users-api",
      "dependsOn resource:default/db",
    ]);
    expect(rows).toContainEqual({ sourceRef: "group:default/team-a", type: "ownerOf", targetRef: self });
    expect(rows).toContainEqual({ sourceRef: "api:other/users-api", type: "apiConsumedBy", targetRef: self });
    expect(rows).toContainEqual({ sourceRef: "resource:default/db", type: "dependencyOf", targetRef: self });
  });

  it("uses the entity's namespace as default namespace", () => {
    const { rows } = buildRelations(entity("System", { owner: "team-a", domain: "commerce" }, "ops"));
    expect(rows.map((r) => r.targetRef)).toContain("group:ops/team-a");
    expect(rows.map((r) => r.targetRef)).toContain("domain:ops/commerce");
  });

  it("maps group and user membership", () => {
    const g = buildRelations(
      entity("Group", { type: "team", parent: "org", children: ["sub"], members: ["jdoe"] }),
    );
    expect(g.rows.filter((r) => r.sourceRef === "group:default/me").map((r) => r.type)).toEqual([
      "childOf",
      "parentOf",
      "hasMember",
    ]);
    expect(g.rows).toContainEqual({
      sourceRef: "user:default/jdoe",
      type: "memberOf",
      targetRef: "group:default/me",
    });
    const u = buildRelations(entity("User", { memberOf: ["team-a"] }));
    expect(u.rows).toEqual([
      { sourceRef: "user:default/me", type: "memberOf", targetRef: "group:default/team-a" },
      { sourceRef: "group:default/team-a", type: "hasMember", targetRef: "user:default/me" },
    ]);
  });

  it("reports refs that cannot be resolved to a kind", () => {
    const { rows, problems } = buildRelations(entity("Resource", { owner: "a", dependsOn: ["db", "api:x"] }));
    expect(problems.map((p) => p.path)).toEqual(["spec.dependsOn.0", "spec.dependsOn.1"]);
    expect(rows).toHaveLength(2);
  });

  it("dedupes repeated references", () => {
    const { rows } = buildRelations(entity("Component", { owner: "a", providesApis: ["x", "X"] }));
    expect(rows.filter((r) => r.type === "providesApi")).toHaveLength(1);
  });

  // buildRelations canonicalises refs with its own fast parser; it must agree with the real one.
  it("resolves every odd ref exactly as parseEntityRef does, or reports it", () => {
    const odd = [
      "x",
      "X",
      "api:x",
      "API:NS/X",
      "ns/x",
      "a:b:c",
      "a:b/c:d",
      "a/b/c",
      ":x",
      "x:",
      "/x",
      "ns/",
      "a:/x",
      "component:ns/",
      "Group:Team-A",
      "a.b_c-d",
      "kind:ns/name/extra",
      "ns/a:b",
    ];
    const fields = [
      { field: "dependsOn", type: "dependsOn", defaultKind: undefined, allowed: ["component", "resource"] },
      { field: "providesApis", type: "providesApi", defaultKind: "API", allowed: undefined },
    ];
    for (const { field, type, defaultKind, allowed } of fields) {
      for (const value of odd) {
        const { rows, problems } = buildRelations(entity("Component", { [field]: [value] }, "home"));
        let expected: string | undefined;
        try {
          const ref = parseEntityRef(value, { defaultKind, defaultNamespace: "home" });
          expected =
            !allowed || allowed.includes(ref.kind.toLowerCase()) ? stringifyEntityRef(ref) : undefined;
        } catch {
          expected = undefined;
        }
        const target = rows.find((r) => r.type === type)?.targetRef;
        expect({ field, value, target }).toEqual({ field, value, target: expected });
        if (expected === undefined) expect(problems.map((p) => p.path)).toEqual([`spec.${field}.0`]);
      }
    }
  });
});
