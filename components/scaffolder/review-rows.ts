import type { UiSchema } from "./schema-ui";
import type { JsonObject } from "./types";

export interface ReviewRow {
  key: string;
  label: string;
  value: string;
  masked: boolean;
}

interface ReviewOptions {
  show?: boolean;
  mask?: string;
  explode?: boolean;
}

function reviewOptions(ui: unknown): ReviewOptions {
  if (typeof ui !== "object" || ui === null) return {};
  const u = ui as Record<string, unknown>;
  // Backstage accepts both `ui:backstage: {review: …}` and the flat dotted key.
  const nested = (u["ui:backstage"] as { review?: ReviewOptions } | undefined)?.review;
  return nested ?? {};
}

function display(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const MASK = "******";

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The page's fields: its properties plus those that only appear in dependency, oneOf or if/then branches. */
export function fieldSchemas(schema: JsonObject): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const visit = (node: unknown) => {
    if (!isObject(node)) return;
    if (isObject(node.properties))
      for (const [k, v] of Object.entries(node.properties)) if (!out.has(k) && isObject(v)) out.set(k, v);
    for (const key of ["oneOf", "anyOf", "allOf"]) {
      const branches = node[key];
      if (Array.isArray(branches)) for (const b of branches) visit(b);
    }
    for (const key of ["then", "else"]) visit(node[key]);
    if (isObject(node.dependencies)) for (const d of Object.values(node.dependencies)) visit(d);
  };
  visit(schema);
  return out;
}

/**
 * The review page's rows for one form page, in schema order, following Backstage's review rules:
 * `ui:backstage.review.show: false` hides a field, `review.mask` replaces the value with the mask text,
 * `review.explode` lists an object's keys as their own rows; Secret fields and password widgets are
 * always masked.
 */
export function reviewRows(
  schema: JsonObject,
  uiSchema: UiSchema,
  values: Record<string, unknown>,
): ReviewRow[] {
  const props = fieldSchemas(schema);
  const names = [...props.keys()];
  const rows: ReviewRow[] = [];
  for (const name of names) {
    if (!Object.hasOwn(values, name)) continue;
    const ui = Object.hasOwn(uiSchema, name) ? (uiSchema[name] as Record<string, unknown>) : undefined;
    const opts = reviewOptions(ui);
    if (opts.show === false) continue;
    const value = values[name];
    const label = (props.get(name)?.title as string | undefined) ?? name;
    const secret = ui?.["ui:field"] === "Secret" || ui?.["ui:widget"] === "password";
    if (secret || typeof opts.mask === "string") {
      rows.push({ key: name, label, value: typeof opts.mask === "string" ? opts.mask : MASK, masked: true });
      continue;
    }
    if (opts.explode && typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) {
        rows.push({ key: `${name}.${k}`, label: k, value: display(v), masked: false });
      }
      continue;
    }
    if (value === undefined) continue;
    rows.push({ key: name, label, value: display(value), masked: false });
  }
  return rows;
}
