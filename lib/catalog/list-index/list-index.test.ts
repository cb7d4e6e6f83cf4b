import { describe, expect, it } from "vitest";
import { compileFilter, facetCounts, queryRows } from "./evaluate-filter";
import { evaluateList } from "./evaluate-list";
import { matchFields } from "./field-text";
import { buildListIndex, type ListIndexSourceRow } from "./list-index";
import { sortedRows } from "./sort-order";
import { matchWords, memoryTermWords } from "./text-match";

const row = (over: Partial<ListIndexSourceRow> & { id: string }): ListIndexSourceRow => ({
  kind: "component",
  type: "service",
  owner: "group:default/a",
  lifecycle: "production",
  namespace: "default",
  tags: [],
  orphan: false,
  updated: 0,
  nameRank: 1,
  lexemes: [],
  texts: [],
  ...over,
});

// Rows are given in ref order, as the loader reads them.
const index = buildListIndex({
  revision: "1",
  dictionaries: {
    kind: ["api", "component"],
    type: ["openapi", "service", "website"],
    owner: ["group:default/a", "group:default/b"],
    lifecycle: ["experimental", "production"],
    namespace: ["default"],
    tags: ["go", "java"],
  },
  rows: [
    row({ id: "r0", nameRank: 2, tags: ["go"], lexemes: ["payments", "payments-api", "api"], updated: 5 }),
    row({
      id: "r1",
      texts: [["orders"], ["the pay desk"]],
      nameRank: 1,
      type: "website",
      owner: null,
      lexemes: ["orders"],
      updated: 5,
    }),
    row({
      id: "r2",
      nameRank: 2,
      kind: "api",
      type: "openapi",
      owner: "group:default/b",
      tags: ["java", "go"],
      lexemes: ["pay"],
      texts: [["pay"], null, null, null, ["ab", "x"]],
    }),
    row({
      id: "r3",
      nameRank: 3,
      lifecycle: "experimental",
      orphan: true,
      lexemes: ["paypal"],
      texts: [["paypal"], null, ["dr who"], null, ["a", "", "b"]],
    }),
  ],
});
const base = {
  facets: {},
  words: [],
  includeOrphans: false,
  sort: "name" as const,
  offset: 0,
  limit: 10,
  facetLimit: 10,
};

describe("list index", () => {
  it("matches every word as a lexeme prefix, and leaves odd words to SQL", () => {
    expect([...matchWords(index, ["pay"])]).toEqual([1, 0, 1, 1]);
    expect([...matchWords(index, ["pay", "api"])]).toEqual([1, 0, 0, 0]);
    expect(memoryTermWords("Pay API!")).toEqual(["pay", "api"]);
    expect(memoryTermWords("snake_case")).toBeUndefined();
    expect(memoryTermWords("café")).toBeUndefined();
  });

  it("matches fullTextFilterFields as substrings of held field text, never across values", () => {
    const ui = ["metadata.name", "metadata.title", "spec.profile.displayName", "spec.target", "spec.targets"];
    expect([...(matchFields(index, ui, "PAY") as Uint8Array)]).toEqual([0, 1, 1, 1]);
    expect([...(matchFields(index, ["metadata.name"], "pay") as Uint8Array)]).toEqual([0, 0, 1, 1]);
    expect([...(matchFields(index, ["spec.targets"], "b") as Uint8Array)]).toEqual([0, 0, 1, 1]);
    // Column fields in any casing; JSON keys only as written (SQL's jsonpath is case-sensitive).
    expect([...(matchFields(index, ["Metadata.Name"], "pay") as Uint8Array)]).toEqual([0, 0, 1, 1]);
    expect(matchFields(index, ["Spec.Targets"], "b")).toBeUndefined();
    // "a" and "b" are separate values of r3: "ab" is only in r2.
    expect([...(matchFields(index, ["spec.targets"], "ab") as Uint8Array)]).toEqual([0, 0, 1, 0]);
    expect([...(matchFields(index, ["spec.profile.displayName"], " who") as Uint8Array)]).toEqual([
      0, 0, 0, 1,
    ]);
    expect([...(matchFields(index, ["spec.type", "metadata.tags"], "av") as Uint8Array)]).toEqual([
      0, 0, 1, 0,
    ]);
    expect(matchFields(index, ["metadata.description"], "pay")).toBeUndefined();
    expect(matchFields(index, ["metadata.name"], "a\nb")).toBeUndefined();
  });

  it("counts each facet ignoring its own selection, and totals only full matches", () => {
    const answer = evaluateList(index, { ...base, facets: { kind: ["component"], type: ["service"] } });
    expect(answer.total).toBe(1);
    expect(answer.rows.map((r) => index.ids[r])).toEqual(["r0"]);
    // kind counts ignore the kind selection: r0 (component) and r2 (api, fails only kind)... but r2 also fails type.
    expect(answer.facets.kind).toEqual([{ value: "component", count: 1 }]);
    // type counts ignore the type selection: r0 service, r1 website.
    expect(answer.facets.type).toEqual([
      { value: "service", count: 1 },
      { value: "website", count: 1 },
    ]);
    expect(answer.facets.owner).toEqual([{ value: "group:default/a", count: 1 }]);
  });

  it("excludes orphans unless asked, and orders ties by ref", () => {
    expect(evaluateList(index, base).total).toBe(3);
    const all = evaluateList(index, { ...base, includeOrphans: true });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => index.ids[r])).toEqual(["r1", "r0", "r2", "r3"]);
    expect([...sortedRows(index, "-name")].map((r) => index.ids[r])).toEqual(["r3", "r0", "r2", "r1"]);
    // Owner: NULLS LAST in both directions.
    expect([...sortedRows(index, "owner")].map((r) => index.ids[r])).toEqual(["r0", "r3", "r2", "r1"]);
    expect([...sortedRows(index, "-owner")].map((r) => index.ids[r])).toEqual(["r2", "r0", "r3", "r1"]);
    expect([...sortedRows(index, "-updated")].map((r) => index.ids[r])).toEqual(["r0", "r1", "r2", "r3"]);
  });

  it("compiles column filters (OR of sets, AND of keys, exists) and refuses other keys", () => {
    const exists = Symbol.for("CATALOG_FILTER_EXISTS") as never;
    const rows = compileFilter(index, [
      { kind: ["API"] },
      { "metadata.tags": [exists], "spec.lifecycle": ["production"] },
    ]);
    expect([...(rows as Uint8Array)]).toEqual([1, 0, 1, 0]);
    expect(compileFilter(index, [{ "spec.owner": ["a"] }])).toBeUndefined();
    expect(facetCounts(index, ["tags"], rows as Uint8Array).tags).toEqual([
      { value: "go", count: 2 },
      { value: "java", count: 1 },
    ]);
    const page = queryRows(index, {
      rows: rows as Uint8Array,
      descending: false,
      offset: 1,
      limit: 1,
      countAll: true,
    });
    expect(page).toEqual({ rows: [2], total: 2, more: false });
  });
});
