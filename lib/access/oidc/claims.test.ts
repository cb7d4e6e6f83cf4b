import { describe, expect, it } from "vitest";
import { groupsFromClaim, jwtClaims } from "./auth";

describe("OIDC claims", () => {
  it("reads the groups claim as an array or a separated string, bounded", () => {
    expect(groupsFromClaim(["a", " b ", "", 3])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a, b c")).toEqual(["a", "b", "c"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim(Array.from({ length: 1000 }, (_, i) => `g${i}`))).toHaveLength(500);
  });

  it("decodes a JWT payload and tolerates garbage", () => {
    const payload = Buffer.from(JSON.stringify({ sub: "alice", groups: ["admins"] })).toString("base64url");
    expect(jwtClaims(`h.${payload}.s`)).toEqual({ sub: "alice", groups: ["admins"] });
    expect(jwtClaims("not-a-jwt")).toEqual({});
    expect(jwtClaims(`h.${Buffer.from("[").toString("base64url")}.s`)).toEqual({});
    expect(jwtClaims(null)).toEqual({});
  });
});
