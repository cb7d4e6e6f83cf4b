import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/**
 * Collects zod schemas as OpenAPI component schemas. Schemas carrying a
 * `.meta({ id })` (and the ids of schemas nested in them) become named
 * components; everything else is inlined, as z.toJSONSchema would.
 */
export class ComponentCollector {
  readonly schemas: Record<string, JsonSchema> = {};

  /** Registers `schema` (under `name` unless it has its own id) and returns a `$ref` to it. */
  ref(schema: z.ZodType, name: string, io: "input" | "output"): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "draft-2020-12",
    }) as JsonSchema;
    const rewritten = JSON.parse(
      JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema;
    const { $schema: _ignored, $defs, ...root } = rewritten;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.add(id, def);
    }
    if (typeof root.$ref === "string" && Object.keys(root).length === 1) return root;
    this.add(name, root);
    return { $ref: `#/components/schemas/${name}` };
  }

  private add(id: string, schema: JsonSchema): void {
    const existing = this.schemas[id];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`OpenAPI component "${id}" is defined twice with different shapes`);
    }
    this.schemas[id] = schema;
  }
}
