import { DEFAULT_NAMESPACE, KNOWN_KINDS, type KnownKind } from "../model/constants";
import { buildRelations } from "../model/relations";
import { findReservedKeys } from "../model/safe-keys";
import type { CatalogViolation, Entity } from "../model/types";
import { KIND_SPECS, type SpecField } from "./kind-specs";
import * as v from "./validators";

const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec", "relations", "status"]);

const NAME_RULE =
  "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
const DNS_RULE = "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
const TAG_RULE = "a string that is sequences of [a-z0-9:+#] separated by [-], at most 63 characters in total";
const KEY_RULE = `a valid [prefix/]name where prefix is a DNS subdomain (at most 253 characters) and name is ${NAME_RULE}`;

export interface ValidationContext {
  documentIndex: number;
  file?: string;
}

export interface ValidationResult {
  /** Present when there were no violations: the entity with defaults applied (namespace). */
  entity?: Entity;
  violations: CatalogViolation[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function checkSpecField(path: string, value: unknown, field: SpecField, add: (p: string, m: string) => void) {
  if (value === undefined || value === null) {
    if (field.required) add(path, `${path} is required`);
    return;
  }
  switch (field.type) {
    case "string":
      if (typeof value !== "string" || value.length === 0) add(path, `${path} must be a non-empty string`);
      return;
    case "string[]":
      if (!Array.isArray(value)) {
        add(path, `${path} must be an array of strings`);
        return;
      }
      value.forEach((item, i) => {
        if (typeof item !== "string" || item.length === 0)
          add(`${path}.${i}`, `${path}.${i} must be a non-empty string`);
      });
      return;
    case "object":
      if (!isObject(value)) add(path, `${path} must be an object`);
      return;
    case "array":
      if (!Array.isArray(value)) add(path, `${path} must be an array`);
      return;
    case "objectOrArray":
      if (!isObject(value) && !Array.isArray(value)) add(path, `${path} must be an object or an array`);
      return;
  }
}

function checkMetadata(meta: Record<string, unknown>, add: (p: string, m: string) => void) {
  if (meta.name === undefined || meta.name === null) add("metadata.name", "metadata.name must have a value");
  else if (!v.isValidEntityName(meta.name))
    add("metadata.name", `"metadata.name" is not valid; expected ${NAME_RULE} but found ${show(meta.name)}`);
  if (meta.namespace !== undefined && !v.isValidNamespace(meta.namespace))
    add(
      "metadata.namespace",
      `"metadata.namespace" is not valid; expected ${DNS_RULE} but found ${show(meta.namespace)}`,
    );
  for (const key of ["title", "description"] as const) {
    if (meta[key] !== undefined && typeof meta[key] !== "string")
      add(`metadata.${key}`, `metadata.${key} must be a string`);
  }
  for (const [group, valueCheck, valueRule] of [
    ["labels", v.isValidLabelValue, `${NAME_RULE}, or empty`],
    ["annotations", v.isValidAnnotationValue, "a string"],
  ] as const) {
    const map = meta[group];
    if (map === undefined) continue;
    if (!isObject(map)) {
      add(`metadata.${group}`, `metadata.${group} must be an object`);
      continue;
    }
    for (const [k, val] of Object.entries(map)) {
      const path = `metadata.${group}.${k}`;
      if (!v.isValidLabelKey(k))
        add(path, `"${path}" has an invalid key; expected ${KEY_RULE} but found "${k}"`);
      if (!valueCheck(val)) add(path, `"${path}" is not valid; expected ${valueRule} but found ${show(val)}`);
    }
  }
  if (meta.tags !== undefined) {
    if (!Array.isArray(meta.tags)) add("metadata.tags", "metadata.tags must be an array");
    else
      meta.tags.forEach((tag, i) => {
        if (!v.isValidTag(tag))
          add(
            `metadata.tags.${i}`,
            `"metadata.tags.${i}" is not valid; expected ${TAG_RULE} but found ${show(tag)}`,
          );
      });
  }
  if (meta.links !== undefined) {
    if (!Array.isArray(meta.links)) add("metadata.links", "metadata.links must be an array");
    else
      meta.links.forEach((link, i) => {
        const base = `metadata.links.${i}`;
        if (!isObject(link)) {
          add(base, `${base} must be an object with a url`);
          return;
        }
        if (!v.isValidUrl(link.url))
          add(
            `${base}.url`,
            `"${base}.url" is not valid; expected a string that is a valid url but found ${show(link.url)}`,
          );
        else if (!v.isSafeLinkUrl(link.url))
          add(
            `${base}.url`,
            `"${base}.url" is not valid; expected an http, https or mailto url but found ${show(link.url)}`,
          );
        for (const key of ["title", "icon", "type"] as const) {
          if (link[key] !== undefined && !v.isNonEmptyString(link[key]))
            add(`${base}.${key}`, `"${base}.${key}" is not valid; expected a non empty string`);
        }
      });
  }
}

/** Validates one parsed YAML document against Backstage's rules, collecting every violation. */
export function validateEntity(raw: unknown, context: ValidationContext): ValidationResult {
  const violations: CatalogViolation[] = [];
  const add = (path: string, message: string) =>
    violations.push({
      ...(context.file ? { file: context.file } : {}),
      documentIndex: context.documentIndex,
      path,
      message,
    });

  if (!isObject(raw)) {
    add("", "Entity must be a YAML/JSON object");
    return { violations };
  }
  // Checked first and alone: the other checks and every later reader walk these objects.
  const reserved = findReservedKeys(raw);
  if (reserved.length > 0) {
    for (const path of reserved)
      add(
        path,
        `"${path}" uses a reserved key; __proto__, constructor and prototype are not allowed as keys`,
      );
    return { violations };
  }
  for (const key of Object.keys(raw)) if (!ROOT_FIELDS.has(key)) add(key, `Unknown field ${key}`);

  // Exact case like Backstage's kind processors: `kind: component` is not recognised.
  const kindName = KNOWN_KINDS.find((k): k is KnownKind => k === raw.kind);
  if (!v.isValidKind(raw.kind))
    add(
      "kind",
      `"kind" is not valid; expected a string that is a sequence of [a-zA-Z][a-z0-9A-Z] but found ${show(raw.kind)}`,
    );
  else if (!kindName)
    add("kind", `Unsupported kind ${show(raw.kind)}; expected one of ${KNOWN_KINDS.join(", ")}`);

  if (!v.isValidApiVersion(raw.apiVersion))
    add("apiVersion", `"apiVersion" is not valid; found ${show(raw.apiVersion)}`);
  else if (kindName && !KIND_SPECS[kindName].apiVersions.includes(raw.apiVersion as string))
    add(
      "apiVersion",
      `apiVersion ${show(raw.apiVersion)} is not supported for kind ${kindName}; expected ${KIND_SPECS[kindName].apiVersions.join(" or ")}`,
    );

  if (!isObject(raw.metadata)) add("metadata", "metadata must be an object");
  else checkMetadata(raw.metadata, add);

  if (kindName) {
    const spec = raw.spec;
    if (spec !== undefined && !isObject(spec)) add("spec", "spec must be an object");
    const specObj = isObject(spec) ? spec : {};
    const rules = KIND_SPECS[kindName].fields;
    for (const [field, rule] of Object.entries(rules))
      checkSpecField(`spec.${field}`, specObj[field], rule, add);
    if (kindName === "Location" && specObj.target === undefined && specObj.targets === undefined)
      add("spec.target", "A Location needs spec.target or spec.targets");
  }
  if (violations.length > 0) return { violations };

  const metadata = raw.metadata as Record<string, unknown>;
  const entity = {
    ...raw,
    metadata: { ...metadata, namespace: (metadata.namespace as string | undefined) ?? DEFAULT_NAMESPACE },
  } as Entity;
  for (const problem of buildRelations(entity).problems) add(problem.path, problem.message);
  return violations.length > 0 ? { violations } : { entity, violations };
}
