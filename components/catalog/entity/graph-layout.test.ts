import { describe, expect, it } from "vitest";
import { radialPositions, toNeighbours } from "./graph-layout";

const rel = (relation: string, ref: string, resolved = true) => ({
  relation,
  ref,
  kind: resolved ? ref.split(":")[0] : null,
  name: ref.split("/")[1],
  title: null,
  resolved,
});

describe("toNeighbours", () => {
  it("merges several relations to one target into one node", () => {
    const n = toNeighbours(
      [
        rel("ownedBy", "group:default/team-a"),
        rel("dependsOn", "group:default/team-a"),
        rel("partOf", "system:default/s"),
      ],
      (r) => `/x/${r}`,
    );
    expect(n).toHaveLength(2);
    expect(n[0]).toMatchObject({
      ref: "group:default/team-a",
      relations: ["ownedBy", "dependsOn"],
      href: "/x/group:default/team-a",
    });
  });

  it("keeps unresolved targets without a link", () => {
    const [n] = toNeighbours([rel("dependsOn", "resource:default/legacy-mainframe", false)], (r) => r);
    expect(n).toMatchObject({ resolved: false, href: null, kind: "resource", label: "legacy-mainframe" });
  });
});

describe("radialPositions", () => {
  it("spreads nodes on an ellipse with distinct positions", () => {
    const p = radialPositions(4);
    expect(p[0]).toEqual({ x: 0, y: -200 });
    expect(p[1]).toEqual({ x: 340, y: 0 });
    expect(new Set(p.map((q) => `${q.x},${q.y}`)).size).toBe(4);
  });
});
