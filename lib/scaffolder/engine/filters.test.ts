import { describe, expect, it } from "vitest";
import { renderInput, renderString, toTemplateValue } from "./renderer";

const ctx = toTemplateValue({
  parameters: { repoUrl: "github.com?owner=acme&repo=web", ref: "group:platform", obj: { a: { b: 3 } } },
}) as Record<string, never>;

describe("scaffolder filters", () => {
  it("parseRepoUrl", () => {
    expect(renderInput("${{ parameters.repoUrl | parseRepoUrl }}", ctx)).toEqual({
      host: "github.com",
      owner: "acme",
      repo: "web",
    });
    expect(() => renderString("${{ 'nonsense' | parseRepoUrl }}", ctx)).toThrow();
  });
  it("projectSlug", () => {
    expect(renderString("${{ parameters.repoUrl | projectSlug }}", ctx)).toBe("acme/web");
    expect(renderString("${{ 'bitbucket.org?workspace=w&project=p&repo=r' | projectSlug }}", ctx)).toBe(
      "w/p/r",
    );
  });
  it("parseEntityRef with defaults", () => {
    expect(renderInput("${{ parameters.ref | parseEntityRef }}", ctx)).toEqual({
      kind: "group",
      namespace: "default",
      name: "platform",
    });
    expect(
      renderInput("${{ 'team-a' | parseEntityRef({ defaultKind: 'Group', defaultNamespace: 'ops' }) }}", ctx),
    ).toEqual({
      kind: "Group",
      namespace: "ops",
      name: "team-a",
    });
  });
  it("pick", () => {
    expect(renderInput("${{ parameters.obj | pick('a.b') }}", ctx)).toBe(3);
    expect(renderInput("${{ parameters.obj | pick('a.zz') }}", ctx)).toBeUndefined();
  });
});
