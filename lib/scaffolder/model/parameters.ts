import Ajv, { type ErrorObject } from "ajv";
import type { ParameterPage } from "./template";

export interface ValueProblem {
  field: string;
  message: string;
}

const ajv = new Ajv({ strict: false, allErrors: true, useDefaults: true, coerceTypes: false });
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>();

function fieldOf(e: ErrorObject): string {
  const base = e.instancePath
    .split("/")
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (e.keyword === "required") base.push(String((e.params as { missingProperty: string }).missingProperty));
  return ["values", ...base].join(".");
}

/**
 * Applies each page's JSON-Schema `default`s to `values` (like Backstage's form does in the
 * browser, but on the server so API callers get them too) and validates every page.
 * Returns a new object; the caller's is not mutated.
 */
export function applyDefaultsAndValidate(
  pages: ParameterPage[],
  values: Record<string, unknown>,
): { values: Record<string, unknown>; problems: ValueProblem[] } {
  const copy = structuredClone(values);
  const problems: ValueProblem[] = [];
  for (const page of pages) {
    let validate = compiled.get(page.schema);
    if (!validate) {
      try {
        validate = ajv.compile(page.schema);
      } catch (error) {
        problems.push({
          field: "template.parameters",
          message: `Invalid schema in page "${page.title}": ${(error as Error).message}`,
        });
        continue;
      }
      compiled.set(page.schema, validate);
    }
    if (!validate(copy)) {
      for (const e of validate.errors ?? []) {
        if (e.keyword === "if") continue;
        problems.push({ field: fieldOf(e), message: e.message ?? "invalid" });
      }
    }
  }
  const unique = new Map(problems.map((p) => [`${p.field}\u0000${p.message}`, p]));
  return { values: copy, problems: [...unique.values()] };
}

/** Field names whose value is a secret (`ui:field: Secret`), at the top level of any page. */
export function secretFieldNames(pages: ParameterPage[]): string[] {
  const names: string[] = [];
  for (const page of pages) {
    const props = page.schema.properties;
    if (!props || typeof props !== "object") continue;
    for (const [name, def] of Object.entries(props as Record<string, unknown>)) {
      if (def && typeof def === "object" && (def as Record<string, unknown>)["ui:field"] === "Secret")
        names.push(name);
    }
  }
  return names;
}

/** Moves Secret-field values out of `values` into `secrets`, so they are never stored as parameters. */
export function splitSecretValues(
  pages: ParameterPage[],
  values: Record<string, unknown>,
  secrets: Record<string, string>,
): { values: Record<string, unknown>; secrets: Record<string, string> } {
  const names = secretFieldNames(pages);
  if (names.length === 0) return { values, secrets };
  const outValues = { ...values };
  const outSecrets = { ...secrets };
  for (const n of names) {
    if (Object.hasOwn(outValues, n)) {
      const v = outValues[n];
      if (typeof v === "string") outSecrets[n] = v;
      delete outValues[n];
    }
  }
  return { values: outValues, secrets: outSecrets };
}
