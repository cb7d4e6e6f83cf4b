import { describe, expect, it } from "vitest";
import { fullTextToSql, toPrefixTsQuery } from "./full-text";
import { SqlParams } from "./sql-params";

describe("full-text filter SQL", () => {
  it("builds prefix tsqueries", () => {
    expect(toPrefixTsQuery("Payments-API  v2!")).toBe("payments:* & api:* & v2:*");
    expect(toPrefixTsQuery("!!")).toBeUndefined();
  });

  it("uses the indexed tsvector only when no fields are named", () => {
    for (const fields of [undefined, []]) {
      const p = new SqlParams();
      p.add("earlier");
      expect(fullTextToSql("  pay api ", fields, p)).toBe("e.search_vector @@ to_tsquery('simple', $2)");
      expect(p.values).toEqual(["earlier", "pay:* & api:*"]);
    }
    expect(fullTextToSql("   ", ["metadata.name"], new SqlParams())).toBe("true");
    expect(fullTextToSql("!!", undefined, new SqlParams())).toBe("true");
  });

  it("matches named fields only, by substring, with LIKE wildcards escaped", () => {
    const p = new SqlParams();
    const sql = fullTextToSql("50%_Off", ["metadata.name", "metadata.title"], p);
    expect(sql).toBe("(e.name LIKE $1 OR lower(e.title) LIKE $1)");
    expect(sql).not.toContain("search_vector");
    expect(p.values).toEqual(["%50\\%\\_off%"]);
  });

  it("reads other fields from the entity JSON, every leaf at the path", () => {
    const p = new SqlParams();
    const sql = fullTextToSql("ada", ["spec.profile.displayName", 'metadata.annotations.example.com/x"y'], p);
    expect(sql).toContain("jsonb_path_query(e.entity, $2::jsonpath)");
    expect(p.values).toEqual([
      "%ada%",
      'lax $."spec"."profile"."displayName"[*]',
      'lax $."metadata"."annotations"."example.com/x\\"y"[*]',
    ]);
  });

  it("matches relations from either stored direction", () => {
    const p = new SqlParams();
    const sql = fullTextToSql("team", ["relations.ownedBy"], p);
    expect(sql).toContain("r.source_ref = e.ref AND lower(r.type) = $2 AND r.target_ref LIKE $1");
    expect(sql).toContain("r.target_ref = e.ref AND lower(r.type) = $3 AND r.source_ref LIKE $1");
    expect(p.values).toEqual(["%team%", "ownedby", "ownerof"]);
  });
});
