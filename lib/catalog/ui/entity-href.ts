import { parseEntityRef } from "@/lib/catalog/model/entity-ref";

/** Path of an entity page; names keep their case, kind is lower-cased like Backstage's routes. */
export function entityHref(ref: string | { kind: string; namespace?: string | null; name: string }): string {
  const r =
    typeof ref === "string"
      ? parseEntityRef(ref)
      : { kind: ref.kind, namespace: ref.namespace || "default", name: ref.name };
  return `/catalog/${encodeURIComponent(r.kind.toLowerCase())}/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.name)}`;
}

/** `group:default/payments-team` → `payments-team`; keeps kind/namespace when they are not the defaults. */
export function shortRef(ref: string, defaultKind?: string): string {
  try {
    const r = parseEntityRef(ref);
    const kind = defaultKind && r.kind.toLowerCase() === defaultKind.toLowerCase() ? "" : `${r.kind}:`;
    const ns = r.namespace.toLowerCase() === "default" ? "" : `${r.namespace}/`;
    return `${kind}${ns}${r.name}`;
  } catch {
    return ref;
  }
}
