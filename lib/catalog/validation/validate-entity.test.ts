import { describe, expect, it } from "vitest";
import { validateEntity } from "./validate-entity";

const ctx = { documentIndex: 2, file: "catalog-info.yaml" };

function component(overrides: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: { name: "payments", ...overrides },
    spec: { type: "service", lifecycle: "production", owner: "team-a", ...spec },
  };
}

function paths(raw: unknown) {
  return validateEntity(raw, ctx).violations.map((v) => v.path);
}

describe("validateEntity", () => {
  it("accepts a valid component and applies the default namespace", () => {
    const result = validateEntity(component(), ctx);
    expect(result.violations).toEqual([]);
    expect(result.entity?.metadata.namespace).toBe("default");
  });

  it("reports every violation with file, document index and path", () => {
    const result = validateEntity(
      component(
        { name: "-bad", tags: ["Java", "ok"], labels: { "x/y/z": "v" } },
        { owner: undefined, lifecycle: 3 },
      ),
      ctx,
    );
    expect(result.entity).toBeUndefined();
    expect(result.violations.map((v) => v.path).sort()).toEqual(
      ["metadata.labels.x/y/z", "metadata.name", "metadata.tags.0", "spec.lifecycle", "spec.owner"].sort(),
    );
    expect(result.violations[0]).toMatchObject({ file: "catalog-info.yaml", documentIndex: 2 });
  });

  it.each([
    ["a", true],
    ["a-b_c.d", true],
    ["A1", true],
    ["x".repeat(63), true],
    ["x".repeat(64), false],
    ["", false],
    ["-a", false],
    ["a-", false],
    ["a b", false],
    ["a/b", false],
  ])("entity name %j valid=%s", (name, valid) => {
    expect(paths(component({ name })).includes("metadata.name")).toBe(!valid);
  });

  it.each([
    ["default", true],
    ["team-a", true],
    ["Team", false],
    ["a_b", false],
    ["-a", false],
  ])("namespace %j valid=%s", (namespace, valid) => {
    expect(paths(component({ namespace })).includes("metadata.namespace")).toBe(!valid);
  });

  it.each([
    ["java", true],
    ["c++", true],
    ["c#", true],
    ["k8s:prod", true],
    ["a-b", true],
    ["a--b", false],
    ["Java", false],
    ["-a", false],
    ["a_b", false],
    ["x".repeat(64), false],
  ])("tag %j valid=%s", (tag, valid) => {
    expect(paths(component({ tags: [tag] })).includes("metadata.tags.0")).toBe(!valid);
  });

  it("checks label and annotation keys, prefixes and values", () => {
    const p = paths(
      component({
        labels: { "example.com/tier": "gold", "bad_prefix/x": "v", ok: "-bad", ["a".repeat(64)]: "x" },
        annotations: { "backstage.io/techdocs-ref": "dir:.", [`${"a".repeat(254)}/x`]: "y", n: 5 },
      }),
    );
    expect(p.sort()).toEqual(
      [
        "metadata.labels.bad_prefix/x",
        "metadata.labels.ok",
        `metadata.labels.${"a".repeat(64)}`,
        `metadata.annotations.${"a".repeat(254)}/x`,
        "metadata.annotations.n",
      ].sort(),
    );
  });

  it("validates links", () => {
    const p = paths(
      component({ links: [{ url: "https://ok.example" }, { url: "not a url", title: "" }, "x"] }),
    );
    expect(p.sort()).toEqual(["metadata.links.1.title", "metadata.links.1.url", "metadata.links.2"].sort());
  });

  it("accepts only http, https and mailto links", () => {
    const p = paths(
      component({
        links: [
          { url: "https://ok.example" },
          { url: "mailto:team@example.com" },
          { url: "javascript:alert(document.cookie)" },
          { url: "data:text/html,<script>alert(1)</script>" },
          { url: "JAVASCRIPT:alert(1)" },
          { url: "file:///etc/passwd" },
        ],
      }),
    );
    expect(p.sort()).toEqual(
      ["metadata.links.2.url", "metadata.links.3.url", "metadata.links.4.url", "metadata.links.5.url"].sort(),
    );
  });

  it("rejects __proto__, constructor and prototype keys anywhere, naming the path", () => {
    const raw = JSON.parse(
      '{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"a","labels":{"constructor":"x"}},"spec":{"type":"service","lifecycle":"production","owner":"t","__proto__":{"polluted":1},"deep":[{"prototype":1}]}}',
    );
    const result = validateEntity(raw, { documentIndex: 0 });
    expect(result.entity).toBeUndefined();
    expect(result.violations.map((v) => v.path).sort()).toEqual(
      ["metadata.labels.constructor", "spec.__proto__", "spec.deep.0.prototype"].sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects unknown root fields, unknown kinds and wrong apiVersions", () => {
    expect(paths({ ...component(), extra: 1 })).toEqual(["extra"]);
    expect(paths({ ...component(), kind: "Widget" })).toEqual(["kind"]);
    expect(paths({ ...component(), kind: "component" })).toEqual(["kind"]);
    expect(paths({ ...component(), apiVersion: "scaffolder.backstage.io/v1beta3" })).toEqual(["apiVersion"]);
    expect(paths({ ...component(), apiVersion: "backstage.io/v1beta1" })).toEqual([]);
    expect(paths("just a string")).toEqual([""]);
  });

  it("enforces required spec fields per kind", () => {
    const base = { apiVersion: "backstage.io/v1alpha1", metadata: { name: "x" } };
    expect(
      paths({ ...base, kind: "API", spec: { type: "openapi", lifecycle: "production", owner: "a" } }),
    ).toEqual(["spec.definition"]);
    expect(paths({ ...base, kind: "System", spec: {} })).toEqual(["spec.owner"]);
    expect(paths({ ...base, kind: "Domain", spec: { owner: "a" } })).toEqual([]);
    expect(paths({ ...base, kind: "Resource", spec: { owner: "a" } })).toEqual(["spec.type"]);
    expect(paths({ ...base, kind: "Group", spec: { type: "team" } })).toEqual(["spec.children"]);
    expect(paths({ ...base, kind: "Group", spec: { type: "team", children: [] } })).toEqual([]);
    expect(paths({ ...base, kind: "User", spec: {} })).toEqual([]);
    expect(paths({ ...base, kind: "User", spec: { memberOf: "team-a" } })).toEqual(["spec.memberOf"]);
    expect(paths({ ...base, kind: "Location", spec: {} })).toEqual(["spec.target"]);
    expect(paths({ ...base, kind: "Location", spec: { targets: ["./a.yaml", ""] } })).toEqual([
      "spec.targets.1",
    ]);
    expect(
      paths({
        apiVersion: "scaffolder.backstage.io/v1beta3",
        kind: "Template",
        metadata: { name: "t" },
        spec: { type: "service", steps: [] },
      }),
    ).toEqual([]);
  });

  it("requires a kind on dependsOn references", () => {
    expect(paths(component({}, { dependsOn: ["resource:db", "db"] }))).toEqual(["spec.dependsOn.1"]);
    expect(paths(component({}, { dependsOn: ["api:x"] }))).toEqual(["spec.dependsOn.0"]);
  });
});
