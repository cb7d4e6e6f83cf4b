import { describe, expect, it } from "vitest";
import { applyFields, splitEntityPath } from "./entity-paths";
import { FILTER_EXISTS, filterToSql, normalizeFilterQuery, parseFilterParams } from "./filter";
import { orderToSql, parseOrderParams } from "./order";
import { SqlParams } from "./sql-params";

describe("filter parsing", () => {
  it("turns repeated params into OR and commas into AND", () => {
    expect(parseFilterParams(["kind=component,spec.type=service", "kind=api"])).toEqual([
      { kind: ["component"], "spec.type": ["service"] },
      { kind: ["api"] },
    ]);
  });

  it("treats a bare key as exists and merges repeated keys case-insensitively", () => {
    expect(parseFilterParams("metadata.annotations.backstage.io/orphan,Kind=a,kind=b")).toEqual([
      { "metadata.annotations.backstage.io/orphan": [FILTER_EXISTS], Kind: ["a", "b"] },
    ]);
    expect(() => parseFilterParams("=x")).toThrow();
    expect(parseFilterParams(undefined)).toEqual([]);
  });

  it("normalizes the CatalogClient object form", () => {
    expect(
      normalizeFilterQuery([{ kind: ["API", "Component"] }, { "metadata.name": "a", x: Symbol.for("x") }]),
    ).toEqual([{ kind: ["API", "Component"] }, { "metadata.name": ["a"], x: [FILTER_EXISTS] }]);
  });

  it("builds SQL with lower-cased parameters, columns for common keys and JSON paths otherwise", () => {
    const params = new SqlParams();
    const sql = filterToSql(
      parseFilterParams(["kind=Component,spec.system=Shop", "metadata.tags=java"]),
      params,
    );
    expect(sql).toContain("e.kind = ANY($1::text[])");
    expect(sql).toContain(`lower(e.entity #>> '{"spec","system"}') = ANY($2::text[])`);
    expect(sql).toContain("e.tags && $3::text[]");
    expect(params.values).toEqual([["component"], ["shop"], ["java"]]);
    expect(filterToSql([], new SqlParams())).toBe("true");
  });

  it("accepts owner refs in either form", () => {
    const params = new SqlParams();
    filterToSql([{ "spec.owner": ["Team-A"] }], params);
    expect(params.values).toEqual([["team-a"], ["group:default/team-a"]]);
  });
});

describe("paths, fields, order, full text", () => {
  it("keeps annotation keys whole", () => {
    expect(splitEntityPath("metadata.annotations.backstage.io/orphan")).toEqual([
      "metadata",
      "annotations",
      "backstage.io/orphan",
    ]);
  });

  it("projects fields", () => {
    const e = {
      kind: "Component",
      metadata: { name: "a", annotations: { "x.io/y": "1" }, title: "T" },
      spec: { owner: "o" },
    };
    expect(applyFields(e, ["metadata.name", "metadata.annotations.x.io/y", "spec.missing"])).toEqual({
      metadata: { name: "a", annotations: { "x.io/y": "1" } },
    });
    expect(applyFields(e, undefined)).toBe(e);
  });

  it("parses order and sorts missing values last with a stable tiebreak", () => {
    expect(parseOrderParams(["desc:metadata.title", "kind"])).toEqual([
      { field: "metadata.title", order: "desc" },
      { field: "kind", order: "asc" },
    ]);
    expect(orderToSql([{ field: "metadata.name", order: "desc" }])).toBe("e.name DESC NULLS LAST, e.ref ASC");
  });
});

describe("hostile paths", () => {
  it("parses __proto__ filter keys as own keys and builds SQL for them", () => {
    const filter = parseFilterParams(["__proto__=x,constructor,kind=component"]);
    expect(Object.keys(filter[0]).sort()).toEqual(["__proto__", "constructor", "kind"]);
    expect(filterToSql(filter, new SqlParams())).toContain(`'{"__proto__"}'`);
    expect(orderToSql([{ field: "constructor", order: "asc" }])).toContain(`'{"constructor"}'`);
  });

  it("projects stored __proto__ keys as data, never onto Object.prototype", () => {
    const entity = JSON.parse('{"spec":{"__proto__":{"polluted":"yes"}},"metadata":{"name":"a"}}');
    const out = applyFields(entity, [
      "spec.__proto__.polluted",
      "__proto__.polluted",
      "constructor.prototype.x",
    ]);
    expect(JSON.stringify(out)).toBe('{"spec":{"__proto__":{"polluted":"yes"}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
