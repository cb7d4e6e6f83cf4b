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

  it("keeps YAML 1.2 core scalars (no timestamps, yes/no or merge keys) like the yaml package", () => {
    const [doc] = parseCatalogYaml("d: 2024-01-01\ny: yes\nm: {<<: {a: 1}}\nn: ~\no: 0o17\n");
    expect(doc.value).toEqual({ d: "2024-01-01", y: "yes", m: { "<<": { a: 1 } }, n: null, o: 15 });
  });

  it("resolves small aliases through the bounded parser", () => {
    expect(parseCatalogYaml("a: &x [1, 2]\nb: *x\n")).toEqual([
      { documentIndex: 0, value: { a: [1, 2], b: [1, 2] } },
    ]);
  });

  it("reports duplicate keys with their position", () => {
    expect(() => parseCatalogYaml("kind: Component\nkind: API\n")).toThrow(/line 2, column 1/);
  });
});
