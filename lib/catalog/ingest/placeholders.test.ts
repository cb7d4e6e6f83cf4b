import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { resolvePlaceholders } from "./placeholders";
import type { CatalogReader } from "./reader";

const files: Record<string, string> = {
  "/repo/api/openapi.yaml": "openapi: 3.0.0\n",
  "/repo/api/data.json": '{"a": [1, 2]}',
  "/repo/meta.yaml": "tier: gold\n",
};
const reader: CatalogReader = {
  async read(spec) {
    const text = files[spec.target];
    if (text === undefined) throw new IngestError("NOT_FOUND", `${spec.target} missing`);
    return text;
  },
};
const base = { type: "file" as const, target: "/repo/api/catalog-info.yaml" };

describe("resolvePlaceholders", () => {
  it("resolves $text, $json and $yaml relative to the source file", async () => {
    const { value, problems } = await resolvePlaceholders(
      {
        spec: {
          definition: { $text: "./openapi.yaml" },
          data: { $json: "data.json" },
          nested: [{ meta: { $yaml: "../meta.yaml" } }],
        },
      },
      base,
      reader,
    );
    expect(problems).toEqual([]);
    expect(value).toEqual({
      spec: { definition: "openapi: 3.0.0\n", data: { a: [1, 2] }, nested: [{ meta: { tier: "gold" } }] },
    });
  });

  it("reports unresolvable or malformed placeholders with their path", async () => {
    const { value, problems } = await resolvePlaceholders(
      { spec: { definition: { $text: "./missing.yaml" }, bad: { $json: "x", other: 1 } } },
      base,
      reader,
    );
    expect(problems.map((p) => p.path)).toEqual(["spec.definition", "spec.bad"]);
    expect(problems[0].message).toMatch(/NOT_FOUND/);
    expect((value as { spec: { definition: unknown } }).spec.definition).toEqual({ $text: "./missing.yaml" });
  });

  it("resolves URL placeholders against a URL base and refuses file reads from URLs", async () => {
    const seen: string[] = [];
    const urlReader: CatalogReader = {
      async read(spec) {
        seen.push(`${spec.type}:${spec.target}`);
        return "x";
      },
    };
    const urlBase = {
      type: "url" as const,
      target: "https://git.example.com/org/repo/blob/main/catalog-info.yaml",
    };
    const { problems } = await resolvePlaceholders({ a: { $text: "./docs/api.yaml" } }, urlBase, urlReader);
    expect(problems).toEqual([]);
    expect(seen).toEqual(["url:https://git.example.com/org/repo/blob/main/docs/api.yaml"]);
  });
});
