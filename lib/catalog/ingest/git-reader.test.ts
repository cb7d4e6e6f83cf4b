import { describe, expect, it } from "vitest";
import { parseGitTarget } from "./git-reader";
import { normalizeLocation, resolveRelative } from "./location-target";

describe("git locations (scaffolder's embedded repositories)", () => {
  it("parses repo, ref and path", () => {
    expect(parseGitTarget("/data/scaffolder/git/o/r.git/blob/main/catalog-info.yaml")).toEqual({
      gitdir: "/data/scaffolder/git/o/r.git",
      ref: "main",
      filePath: "catalog-info.yaml",
    });
  });
  it("refuses paths that leave the repository and malformed targets", () => {
    expect(() => parseGitTarget("/x/r.git/blob/main/../../etc/passwd")).toThrow(/leaves the repository/);
    expect(() => parseGitTarget("relative/r.git/blob/main/a")).toThrow(/Invalid git location/);
    expect(() => parseGitTarget("/x/r/blob/main/a")).toThrow(/Invalid git location/);
  });
  it("resolves relative targets inside the same repository and ref", () => {
    const base = normalizeLocation("git", "/d/o/r.git/blob/main/catalog-info.yaml");
    expect(resolveRelative(base, "./apis/api.yaml")).toEqual({
      type: "git",
      target: "/d/o/r.git/blob/main/apis/api.yaml",
    });
    expect(() => resolveRelative(base, "../../outside.yaml")).toThrow();
  });
});
