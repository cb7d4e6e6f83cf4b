import { describe, expect, it } from "vitest";
import { readOpenApi, schemaLabel } from "./openapi-model";

const doc = {
  openapi: "3.0.3",
  info: { title: "Shipments", version: "1.2.0" },
  servers: [{ url: "https://api.example.com/v1" }],
  paths: {
    "/shipments/{id}": {
      parameters: [{ $ref: "#/components/parameters/Id" }],
      get: {
        operationId: "getShipment",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Shipment" } } },
          },
          "404": { description: "missing" },
        },
      },
      delete: { parameters: [{ name: "reason", in: "query", schema: { type: "string" } }], responses: {} },
    },
  },
  components: {
    parameters: {
      Id: { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
    },
    schemas: {
      Shipment: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
      },
    },
  },
};

describe("readOpenApi", () => {
  it("lists operations with dereferenced shared parameters and response schemas", () => {
    const api = readOpenApi(doc);
    expect(api?.title).toBe("Shipments");
    expect(api?.servers).toEqual(["https://api.example.com/v1"]);
    expect(api?.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /shipments/{id}",
      "DELETE /shipments/{id}",
    ]);
    const get = api?.operations[0];
    expect(get?.parameters).toEqual([
      { name: "id", in: "path", required: true, type: "string (uuid)", description: undefined },
    ]);
    expect(get?.responses[0]).toEqual({
      status: "200",
      description: "ok",
      schema: "application/json: Shipment",
    });
    expect(api?.operations[1].parameters.map((p) => p.name)).toEqual(["id", "reason"]);
  });

  it("reads component schemas with required properties", () => {
    const [s] = readOpenApi(doc)?.schemas ?? [];
    expect(s.name).toBe("Shipment");
    expect(s.properties).toContainEqual({
      name: "id",
      type: "string",
      required: true,
      description: undefined,
    });
    expect(s.properties).toContainEqual({
      name: "tags",
      type: "array<string>",
      required: false,
      description: undefined,
    });
  });

  it("returns null for documents that are not OpenAPI", () => {
    expect(readOpenApi({ asyncapi: "2.6.0", channels: {} })).toBeNull();
    expect(readOpenApi("openapi: 3")).toBeNull();
  });
});

describe("schemaLabel", () => {
  it("names unions and enums", () => {
    expect(schemaLabel({ oneOf: [{ $ref: "#/x/A" }, { type: "integer" }] })).toBe("A | integer");
    expect(schemaLabel({ type: "string", enum: ["a", "b"] })).toBe("string enum: a, b");
  });
});
