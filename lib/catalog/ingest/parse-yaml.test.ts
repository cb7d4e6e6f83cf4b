import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { parseCatalogYaml } from "./parse-yaml";

describe("parseCatalogYaml", () => {
  it("parses several documents and skips empty ones", () => {
    const docs = parseCatalogYaml("a: 1\n---\n---\nb: 2\n");
    expect(docs).toEqual([
      { documentIndex: 0, value: { a: 1 } },
      { documentIndex: 2, value: { b: 2 } },
    ]);
  });

  it("reports syntax errors with line and column", () => {
    try {
      parseCatalogYaml("a: 1\n---\nkind: Component\nmetadata:\n  name: [unclosed\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      const e = error as IngestError;
      expect(e.code).toBe("YAML_SYNTAX");
      expect(e.details.line).toBeGreaterThanOrEqual(5);
      expect(e.message).toMatch(/line \d+, column \d+/);
    }
  });

  it("refuses alias bombs", () => {
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    expect(() => parseCatalogYaml(bomb)).toThrow();
  });
});
