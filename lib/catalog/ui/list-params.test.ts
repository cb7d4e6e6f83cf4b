import { describe, expect, it } from "vitest";
import { catalogListKey, listParamsToSearch, parseListParams, toggleFacet } from "./list-params";

describe("catalog list params", () => {
  it("parses repeated and comma-separated values into a stable, sorted, lower-cased form", () => {
    const a = parseListParams(new URLSearchParams("kind=Component&tags=java,go&tags=java&q= pay &page=2"));
    const b = parseListParams({ tags: ["go", "java"], kind: "component", q: "pay", page: "2" });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ kind: ["component"], tags: ["go", "java"], q: "pay", page: 2, sort: "name" });
    expect(catalogListKey(a)).toEqual(catalogListKey(b));
  });

  it("falls back to defaults for invalid sort and page", () => {
    expect(parseListParams({ sort: "drop table", page: "-3" })).toMatchObject({ sort: "name", page: 1 });
    expect(parseListParams({ page: "abc" }).page).toBe(1);
  });

  it("round-trips through the URL and leaves defaults out", () => {
    const p = parseListParams({ kind: "api", sort: "-updated", page: "3", q: "x y" });
    const search = listParamsToSearch(p);
    expect(search).toBe("kind=api&q=x+y&sort=-updated&page=3");
    expect(parseListParams(new URLSearchParams(search))).toEqual(p);
    expect(listParamsToSearch(parseListParams({}))).toBe("");
  });

  it("includes orphans only when asked, and keeps that in the URL", () => {
    expect(parseListParams({}).includeOrphans).toBe(false);
    expect(parseListParams({ orphans: "yes" }).includeOrphans).toBe(false);
    const p = parseListParams(new URLSearchParams("orphans=include&q=x"));
    expect(p.includeOrphans).toBe(true);
    expect(listParamsToSearch(p)).toBe("q=x&orphans=include");
    expect(catalogListKey(p)).not.toEqual(catalogListKey({ ...p, includeOrphans: false }));
  });

  it("toggling a facet value adds or removes it and resets to page 1", () => {
    const p = parseListParams({ kind: "api", page: "4" });
    const added = toggleFacet(p, "kind", "Component");
    expect(added).toMatchObject({ kind: ["api", "component"], page: 1 });
    expect(toggleFacet(added, "kind", "api").kind).toEqual(["component"]);
  });
});
