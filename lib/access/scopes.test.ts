import { describe, expect, it } from "vitest";
import { hasScope, ROLE_SCOPES, roleFromGroups, scopesForRole } from "./scopes";
import { generateTokenSecret, hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

describe("roles and scopes", () => {
  const mapping = { adminGroups: ["platform-admins"], viewerGroups: ["group:default/contractors"] };

  it("maps IdP groups to roles: admin over viewer, member by default", () => {
    expect(roleFromGroups(["Platform-Admins", "contractors"], mapping)).toBe("admin");
    expect(roleFromGroups(["contractors"], mapping)).toBe("viewer");
    expect(roleFromGroups(["default/contractors"], mapping)).toBe("viewer");
    expect(roleFromGroups([], mapping)).toBe("member");
  });

  it("viewers read, members write and run, admin implies everything", () => {
    expect([...ROLE_SCOPES.viewer].sort()).toEqual(["catalog:read", "cluster:read"]);
    expect(hasScope(ROLE_SCOPES.member, "chat")).toBe(true);
    expect(hasScope(ROLE_SCOPES.member, "admin")).toBe(false);
    expect(hasScope(new Set(["admin"]), "diagnose")).toBe(true);
    expect([...scopesForRole("viewer", ["catalog:write", "catalog:read"])]).toEqual(["catalog:read"]);
  });

  it("token secrets are prefixed, random, and stored as a SHA-256 digest", () => {
    const a = generateTokenSecret();
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.length).toBeGreaterThanOrEqual(TOKEN_PREFIX.length + 43);
    expect(generateTokenSecret()).not.toBe(a);
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(a)).not.toContain(a.slice(4));
  });
});
