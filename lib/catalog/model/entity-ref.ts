import { DEFAULT_NAMESPACE } from "./constants";
import type { CompoundEntityRef, Entity } from "./types";

export interface ParseRefContext {
  defaultKind?: string;
  defaultNamespace?: string;
}

/** Splits `[kind:][namespace/]name` the same way Backstage does (a `/` before `:` means no kind). */
function splitRef(ref: string): { kind?: string; namespace?: string; name: string } {
  let colon = ref.indexOf(":");
  const slash = ref.indexOf("/");
  if (slash !== -1 && slash < colon) colon = -1;
  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === "" || namespace === "" || name === "") {
    throw new TypeError(`Entity reference "${ref}" was not on the form [<kind>:][<namespace>/]<name>`);
  }
  return { kind, namespace, name };
}

export function parseEntityRef(
  ref: string | { kind?: string; namespace?: string; name: string },
  context: ParseRefContext = {},
): CompoundEntityRef {
  if (!ref) throw new TypeError("Entity reference must not be empty");
  const parts = typeof ref === "string" ? splitRef(ref) : ref;
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? context.defaultNamespace ?? DEFAULT_NAMESPACE;
  if (!kind) {
    throw new TypeError(
      `Entity reference ${JSON.stringify(ref)} had missing or empty kind (e.g. did not start with "component:" or similar)`,
    );
  }
  if (!parts.name) throw new TypeError(`Entity reference ${JSON.stringify(ref)} had missing or empty name`);
  return { kind, namespace, name: parts.name };
}

/** Canonical lower-cased `kind:namespace/name`, the form used as the storage key. */
export function stringifyEntityRef(
  ref: CompoundEntityRef | Entity | { kind: string; namespace?: string; name: string },
): string {
  if ("metadata" in ref) {
    const e = ref as Entity;
    return `${e.kind}:${e.metadata.namespace ?? DEFAULT_NAMESPACE}/${e.metadata.name}`.toLowerCase();
  }
  const r = ref as { kind: string; namespace?: string; name: string };
  return `${r.kind}:${r.namespace ?? DEFAULT_NAMESPACE}/${r.name}`.toLowerCase();
}

export function getCompoundEntityRef(entity: Entity): CompoundEntityRef {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  };
}

/** Parses and canonicalises in one step; returns undefined instead of throwing for user-supplied input. */
export function tryCanonicalRef(ref: string, context: ParseRefContext = {}): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref, context));
  } catch {
    return undefined;
  }
}

/** Short display form used by Backstage UIs: omits default namespace and the given default kind. */
export function humanizeEntityRef(ref: CompoundEntityRef, defaultKind?: string): string {
  const kindPart = defaultKind && ref.kind.toLowerCase() === defaultKind.toLowerCase() ? "" : `${ref.kind}:`;
  const nsPart = ref.namespace.toLowerCase() === DEFAULT_NAMESPACE ? "" : `${ref.namespace}/`;
  return `${kindPart}${nsPart}${ref.name}`;
}
