import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { readLocationTree } from "./read-location-tree";
import type { CatalogReader } from "./reader";

function memoryReader(files: Record<string, string>): CatalogReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async read(spec) {
      reads.push(spec.target);
      const text = files[spec.target];
      if (text === undefined) throw new IngestError("NOT_FOUND", `${spec.target} missing`);
      return text;
    },
  };
}

const location = (name: string, targets: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n  targets: [${targets.map((t) => JSON.stringify(t)).join(", ")}]\n`;
const component = (name: string, extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

describe("readLocationTree", () => {
  it("follows Location targets relative to their file and annotates entities", async () => {
    const reader = memoryReader({
      "/org/catalog-info.yaml": location("root", ["./teams/all.yaml", "services/a.yaml"]),
      "/org/teams/all.yaml": location("teams", ["../services/b.yaml"]),
      "/org/services/a.yaml": component("a"),
      "/org/services/b.yaml": `${component("b")}---\n${component("c")}`,
    });
    const tree = await readLocationTree({ type: "file", target: "/org/catalog-info.yaml" }, { reader });
    expect(tree.problems).toEqual([]);
    expect(tree.entities.map((e) => e.ref)).toEqual([
      "location:default/root",
      "location:default/teams",
      "component:default/b",
      "component:default/c",
      "component:default/a",
    ]);
    const b = tree.entities.find((e) => e.ref === "component:default/b")!;
    expect(b.entity.metadata.annotations).toEqual({
      "backstage.io/source-location": "file:/org/services/",
      "backstage.io/managed-by-location": "file:/org/services/b.yaml",
      "backstage.io/managed-by-origin-location": "file:/org/catalog-info.yaml",
    });
    expect(b.documentIndex).toBe(0);
    expect(tree.entities.find((e) => e.ref === "component:default/c")!.documentIndex).toBe(1);
  });

  it("detects cycles without looping and without re-reading files", async () => {
    const reader = memoryReader({
      "/a.yaml": location("a", ["./b.yaml"]),
      "/b.yaml": location("b", ["./a.yaml", "./c.yaml"]),
      "/c.yaml": location("c", ["./b.yaml"]),
    });
    const tree = await readLocationTree({ type: "file", target: "/a.yaml" }, { reader });
    expect(tree.problems.map((p) => p.code)).toEqual(["LOCATION_CYCLE", "LOCATION_CYCLE"]);
    expect(tree.problems[0].message).toContain("file:/a.yaml -> file:/b.yaml -> file:/a.yaml");
    expect(reader.reads).toEqual(["/a.yaml", "/b.yaml", "/c.yaml"]);
  });

  it("keeps valid entities when others in the same file are invalid", async () => {
    const reader = memoryReader({
      "/x.yaml": `${component("good")}---\n${component("Bad Name")}---\n${component("good")}`,
    });
    const tree = await readLocationTree({ type: "file", target: "/x.yaml" }, { reader });
    expect(tree.entities.map((e) => e.ref)).toEqual(["component:default/good"]);
    expect(tree.problems.map((p) => [p.code, p.documentIndex, p.path])).toEqual([
      ["VALIDATION", 1, "metadata.name"],
      ["DUPLICATE", 2, undefined],
    ]);
    expect(tree.invalidRefs).toEqual(["component:default/bad name"]);
  });

  it("records unreadable and malformed files as failed", async () => {
    const reader = memoryReader({
      "/root.yaml": location("root", ["./missing.yaml", "./broken.yaml"]),
      "/broken.yaml": "kind: [\n",
    });
    const tree = await readLocationTree({ type: "file", target: "/root.yaml" }, { reader });
    expect(tree.filesFailed).toEqual(["file:/missing.yaml", "file:/broken.yaml"]);
    expect(tree.problems.map((p) => p.code)).toEqual(["NOT_FOUND", "YAML_SYNTAX"]);
    expect(tree.problems[1].line).toBeGreaterThan(0);
  });
});

describe("readLocationTree limits", () => {
  const many = (n: number, placeholder: string) =>
    Array.from({ length: n }, (_, i) =>
      component(`c${i}`, `  description: { ${placeholder}: ./big.txt }\n`),
    ).join("---\n");
  const limits = { maxEntities: 1000, maxPlaceholders: 1000, maxBytes: 1024 * 1024 };

  it("reads an identical placeholder target once per tree", async () => {
    const reader = memoryReader({ "/r/catalog-info.yaml": many(50, "$text"), "/r/big.txt": "x".repeat(100) });
    const tree = await readLocationTree({ type: "file", target: "/r/catalog-info.yaml" }, { reader, limits });
    expect(tree.aborted).toBeUndefined();
    expect(tree.entities).toHaveLength(50);
    expect(reader.reads.filter((r) => r === "/r/big.txt")).toHaveLength(1);
  });

  it("abandons the whole tree past the byte cap, counting every placeholder use", async () => {
    const reader = memoryReader({
      "/r/catalog-info.yaml": many(200, "$text"),
      "/r/big.txt": "x".repeat(64 * 1024),
    });
    const tree = await readLocationTree({ type: "file", target: "/r/catalog-info.yaml" }, { reader, limits });
    expect(tree.aborted).toMatchObject({ code: "LIMIT_EXCEEDED", file: "file:/r/catalog-info.yaml" });
    expect(tree.aborted?.message).toContain("PORTICO_CATALOG_MAX_LOCATION_BYTES");
    expect(tree.entities).toEqual([]);
  });

  it("caps placeholders and entities", async () => {
    const reader = memoryReader({ "/r/catalog-info.yaml": many(20, "$text"), "/r/big.txt": "hello" });
    const spec = { type: "file", target: "/r/catalog-info.yaml" } as const;
    const placeholders = await readLocationTree(spec, { reader, limits: { ...limits, maxPlaceholders: 10 } });
    expect(placeholders.aborted?.message).toContain("PORTICO_CATALOG_MAX_PLACEHOLDERS");
    const entities = await readLocationTree(spec, { reader, limits: { ...limits, maxEntities: 10 } });
    expect(entities.aborted?.message).toContain("PORTICO_CATALOG_MAX_ENTITIES_PER_LOCATION");
    expect(entities.entities).toEqual([]);
  });
});
