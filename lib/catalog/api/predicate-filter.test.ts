import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http";
import { FILTER_EXISTS } from "../queries/filter";
import { NO_ENTITY_UID, predicateToFilter } from "./predicate-filter";

describe("predicateToFilter", () => {
  it("translates the forms catalog-client builds from filters", () => {
    expect(predicateToFilter({ kind: "Component" })).toEqual([{ kind: ["Component"] }]);
    expect(
      predicateToFilter({ $all: [{ kind: "API" }, { "spec.type": { $in: ["grpc", "graphql"] } }] }),
    ).toEqual([{ kind: ["API"], "spec.type": ["grpc", "graphql"] }]);
    expect(
      predicateToFilter({ $any: [{ kind: "User" }, { kind: "Group", "spec.type": { $exists: true } }] }),
    ).toEqual([{ kind: ["User"] }, { kind: ["Group"], "spec.type": [FILTER_EXISTS] }]);
  });

  it("distributes $all over $any", () => {
    expect(
      predicateToFilter({ $all: [{ $any: [{ kind: "a" }, { kind: "b" }] }, { "spec.owner": "x" }] }),
    ).toEqual([
      { kind: ["a"], "spec.owner": ["x"] },
      { kind: ["b"], "spec.owner": ["x"] },
    ]);
  });

  it("matches everything for an empty predicate and nothing for an empty $any", () => {
    expect(predicateToFilter({})).toEqual([]);
    expect(predicateToFilter({ $any: [] })).toEqual([{ "metadata.uid": [NO_ENTITY_UID] }]);
  });

  it("refuses what the filter cannot express with a 400 naming the field", () => {
    for (const bad of [
      { $not: { kind: "x" } },
      { kind: { $exists: false } },
      { kind: { $contains: "x" } },
      { kind: ["a"] },
      { $all: [{ kind: "a" }, { kind: "b" }] },
    ]) {
      const error = (() => {
        try {
          predicateToFilter(bad as Record<string, unknown>);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).details).toMatchObject({ fields: [{ field: "query" }] });
    }
  });
});

describe("predicateToFilter with hostile keys", () => {
  it("keeps __proto__ and constructor as plain filter keys without touching Object.prototype", () => {
    const predicate = JSON.parse(
      '{"$all":[{"__proto__":"x"},{"constructor":{"$exists":true}},{"kind":"component"}]}',
    );
    const filter = predicateToFilter(predicate);
    expect(filter).toHaveLength(1);
    expect(Object.keys(filter[0]).sort()).toEqual(["__proto__", "constructor", "kind"]);
    expect(Object.getPrototypeOf(filter[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).length).toBeUndefined();
  });

  it("rejects NUL in keys and values with a 400", () => {
    expect(() => predicateToFilter({ "a\u0000": "x" })).toThrow(ApiError);
    expect(() => predicateToFilter({ a: "x\u0000" })).toThrow(ApiError);
  });
});
