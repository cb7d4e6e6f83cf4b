import type { JsonObject, JsonValue } from "./types";

/**
 * Backstage templates put `ui:*` keys inline in the JSON Schema; RJSF wants them in a separate uiSchema.
 * This splits one page's schema the way Backstage's `extractSchemaFromStep` does: `ui:` keys move to the
 * uiSchema at the same path (properties by name, array `items` under `items`), and the properties of
 * `dependencies`/`oneOf`/`anyOf`/`allOf`/`if-then-else` branches land on the parent object's uiSchema,
 * since RJSF renders those branches as fields of that object.
 */

export type UiSchema = { [key: string]: unknown };

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function own(o: object, key: string): boolean {
  return Object.hasOwn(o, key);
}

// Property names come from template authors; a Map-backed merge keeps `__proto__` an ordinary key.
function setKey(target: UiSchema, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mergeInto(target: UiSchema, extra: UiSchema) {
  for (const key of Object.keys(extra)) {
    const prev = own(target, key) ? target[key] : undefined;
    if (isObject(prev as JsonValue) && isObject(extra[key] as JsonValue))
      mergeInto(prev as UiSchema, extra[key] as UiSchema);
    else setKey(target, key, extra[key]);
  }
}

function extract(node: JsonValue, ui: UiSchema): JsonValue {
  if (!isObject(node)) return node;
  const schema: JsonObject = Object.create(null);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key.startsWith("ui:")) {
      setKey(ui, key, value);
      continue;
    }
    // Older templates label enum values with `enumNames`, which RJSF 5+ reads from `ui:enumNames`.
    if (key === "enumNames" && Array.isArray(value)) {
      if (!own(node, "ui:enumNames")) setKey(ui, "ui:enumNames", value);
      continue;
    }
    if (key === "properties" && isObject(value)) {
      const props: JsonObject = Object.create(null);
      for (const name of Object.keys(value)) {
        const child: UiSchema = Object.create(null);
        props[name] = extract(value[name], child);
        if (Object.keys(child).length) {
          const existing = own(ui, name) ? (ui[name] as UiSchema) : undefined;
          if (existing && isObject(existing as JsonValue)) mergeInto(existing, child);
          else setKey(ui, name, child);
        }
      }
      schema[key] = props;
      continue;
    }
    if (key === "items" && isObject(value)) {
      const child: UiSchema = Object.create(null);
      schema[key] = extract(value, child);
      if (Object.keys(child).length) setKey(ui, "items", child);
      continue;
    }
    if ((key === "oneOf" || key === "anyOf" || key === "allOf") && Array.isArray(value)) {
      schema[key] = value.map((branch) => extract(branch, ui));
      continue;
    }
    if ((key === "if" || key === "then" || key === "else") && isObject(value)) {
      schema[key] = extract(value, ui);
      continue;
    }
    if (key === "dependencies" && isObject(value)) {
      const deps: JsonObject = Object.create(null);
      for (const name of Object.keys(value)) deps[name] = extract(value[name], ui);
      schema[key] = deps;
      continue;
    }
    schema[key] = value;
  }
  // Back to a plain object so RJSF and AJV see ordinary JSON.
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}

export function splitUiSchema(input: JsonObject): { schema: JsonObject; uiSchema: UiSchema } {
  const ui: UiSchema = Object.create(null);
  const schema = extract(input, ui) as JsonObject;
  return { schema, uiSchema: { ...ui } };
}

/** The names of the top-level fields of a page whose value is a secret (Backstage's `ui:field: Secret`). */
export function secretFieldNames(uiSchema: UiSchema): string[] {
  return Object.keys(uiSchema).filter((name) => {
    const field = uiSchema[name];
    return isObject(field as JsonValue) && (field as UiSchema)["ui:field"] === "Secret";
  });
}
