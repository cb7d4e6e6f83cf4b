import { describe, expect, it } from "vitest";
import { reviewRows } from "./review-rows";
import { secretFieldNames, splitUiSchema } from "./schema-ui";
import type { JsonObject } from "./types";

describe("splitUiSchema", () => {
  it("moves inline ui: keys to the uiSchema at the same path", () => {
    const page: JsonObject = {
      title: "Page",
      required: ["name"],
      properties: {
        name: { type: "string", "ui:autofocus": true, "ui:help": "lowercase" },
        owner: {
          type: "string",
          "ui:field": "OwnerPicker",
          "ui:options": { catalogFilter: { kind: "Group" } },
        },
        nested: {
          type: "object",
          properties: { inner: { type: "string", "ui:widget": "textarea" } },
        },
        list: { type: "array", items: { type: "string", "ui:widget": "textarea" } },
      },
    };
    const { schema, uiSchema } = splitUiSchema(page);
    expect(JSON.stringify(schema)).not.toContain("ui:");
    expect(uiSchema.name).toEqual({ "ui:autofocus": true, "ui:help": "lowercase" });
    expect(uiSchema.owner).toEqual({
      "ui:field": "OwnerPicker",
      "ui:options": { catalogFilter: { kind: "Group" } },
    });
    expect(uiSchema.nested).toEqual({ inner: { "ui:widget": "textarea" } });
    expect(uiSchema.list).toEqual({ items: { "ui:widget": "textarea" } });
    expect(schema.required).toEqual(["name"]);
  });

  it("lifts the ui of dependency and oneOf branches onto the parent object", () => {
    const { schema, uiSchema } = splitUiSchema({
      properties: { kind: { type: "string", enum: ["a", "b"] } },
      dependencies: {
        kind: {
          oneOf: [
            { properties: { kind: { const: "a" }, token: { type: "string", "ui:field": "Secret" } } },
            { properties: { kind: { const: "b" } } },
          ],
        },
      },
    });
    expect(uiSchema.token).toEqual({ "ui:field": "Secret" });
    expect(JSON.stringify(schema)).not.toContain("ui:field");
    expect(secretFieldNames(uiSchema)).toEqual(["token"]);
  });

  it("turns legacy enumNames into ui:enumNames", () => {
    const { schema, uiSchema } = splitUiSchema({
      properties: { life: { type: "string", enum: ["a", "b"], enumNames: ["A", "B"] } },
    });
    expect(uiSchema.life).toEqual({ "ui:enumNames": ["A", "B"] });
    expect(JSON.stringify(schema)).not.toContain("enumNames");
  });

  it("keeps a property named __proto__ as plain data", () => {
    const { schema, uiSchema } = splitUiSchema(
      JSON.parse('{"properties":{"__proto__":{"type":"string","ui:widget":"textarea"}}}'),
    );
    expect(Object.keys(schema.properties as object)).toEqual(["__proto__"]);
    expect(Object.hasOwn(uiSchema, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).widget).toBeUndefined();
  });
});

describe("reviewRows", () => {
  const { schema, uiSchema } = splitUiSchema({
    properties: {
      name: { type: "string", title: "Name" },
      hidden: { type: "string", "ui:backstage": { review: { show: false } } },
      masked: { type: "string", "ui:backstage": { review: { mask: "<hidden>" } } },
      token: { type: "string", "ui:field": "Secret" },
      pass: { type: "string", "ui:widget": "password" },
      opts: { type: "object", "ui:backstage": { review: { explode: true } } },
      tags: { type: "array" },
    },
  });
  it("honours show, mask and explode and masks secrets", () => {
    const rows = reviewRows(schema, uiSchema, {
      name: "svc",
      hidden: "x",
      masked: "y",
      token: "***",
      pass: "p",
      opts: { a: 1, b: "two" },
      tags: ["a", "b"],
    });
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ["name", "svc"],
      ["masked", "<hidden>"],
      ["token", "******"],
      ["pass", "******"],
      ["opts.a", "1"],
      ["opts.b", "two"],
      ["tags", "a, b"],
    ]);
  });
});
