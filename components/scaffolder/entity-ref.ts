/** Entity refs as Backstage writes them: `kind:namespace/name`, kind and namespace lower-cased. */

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

export function parseEntityRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): EntityName | undefined {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return undefined;
  const kind = m[1] ?? defaults.defaultKind;
  if (!kind) return undefined;
  return {
    kind: kind.toLowerCase(),
    namespace: (m[2] ?? defaults.defaultNamespace ?? "default").toLowerCase(),
    name: m[3],
  };
}

export function stringifyEntityRef(e: { kind: string; namespace?: string; name: string }): string {
  return `${e.kind.toLowerCase()}:${(e.namespace ?? "default").toLowerCase()}/${e.name}`;
}

export function entityRefOf(entity: {
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
}

/** The short form people read: kind and namespace dropped when they are the defaults. */
export function humanizeEntityRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  const e = parseEntityRef(ref, defaults);
  if (!e) return ref;
  const ns = e.namespace === (defaults.defaultNamespace ?? "default").toLowerCase() ? "" : `${e.namespace}/`;
  const kind = defaults.defaultKind && e.kind === defaults.defaultKind.toLowerCase() ? "" : `${e.kind}:`;
  return `${kind}${ns}${e.name}`;
}

/** The catalog page of an entity ref. */
export function catalogHref(ref: string): string | undefined {
  const e = parseEntityRef(ref);
  if (!e) return undefined;
  return `/catalog/${encodeURIComponent(e.kind)}/${encodeURIComponent(e.namespace)}/${encodeURIComponent(e.name)}`;
}
