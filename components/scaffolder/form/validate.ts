import type { CustomValidator, FormValidation } from "@rjsf/utils";
import { parseEntityRef } from "../entity-ref";
import { repoUrlProblems } from "../repo-url";
import type { UiSchema } from "../schema-ui";

export const ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
export const ENTITY_TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

type Validator = (value: unknown, options: Record<string, unknown>) => string[];

const refCheck: Validator = (value, options) => {
  const list = Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value];
  return list
    .filter(
      (v) => typeof v !== "string" || !parseEntityRef(v, { defaultKind: options.defaultKind as string }),
    )
    .map((v) => `"${String(v)}" is not an entity reference`);
};

/** The checks Backstage's field extensions run (their `validation` functions), by `ui:field`. */
const VALIDATORS: Record<string, Validator> = {
  RepoUrlPicker: (value, options) =>
    value === undefined
      ? []
      : repoUrlProblems(value as string, options as { allowedHosts?: string[]; allowedOwners?: string[] }),
  EntityNamePicker: (value) =>
    typeof value === "string" && value && (value.length > 63 || !ENTITY_NAME.test(value))
      ? [
          "must start and end with a letter or digit, use only letters, digits, '-', '_' and '.', and be at most 63 characters",
        ]
      : [],
  EntityTagsPicker: (value) =>
    (Array.isArray(value) ? value : [])
      .filter((t) => typeof t !== "string" || t.length > 63 || !ENTITY_TAG.test(t))
      .map((t) => `tag "${String(t)}" must be lowercase letters, digits, ':', '+', '#' joined by '-'`),
  EntityPicker: refCheck,
  OwnerPicker: refCheck,
  OwnedEntityPicker: refCheck,
  MultiEntityPicker: refCheck,
  MyGroupsPicker: refCheck,
};

/** RJSF customValidate for one page: runs each top-level field's extension check. */
export function fieldExtensionValidator(uiSchema: UiSchema): CustomValidator {
  return (formData, errors) => {
    const data = (formData ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(uiSchema)) {
      const ui = uiSchema[name] as Record<string, unknown> | undefined;
      const field = typeof ui?.["ui:field"] === "string" ? (ui["ui:field"] as string) : undefined;
      const check = field && Object.hasOwn(VALIDATORS, field) ? VALIDATORS[field] : undefined;
      if (!check || !Object.hasOwn(data, name)) continue;
      const target = (errors as Record<string, FormValidation>)[name];
      if (!target) continue;
      for (const problem of check(data[name], (ui?.["ui:options"] as Record<string, unknown>) ?? {}))
        target.addError(problem);
    }
    return errors;
  };
}
