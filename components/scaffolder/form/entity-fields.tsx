"use client";

import { ariaDescribedByIds, type FieldProps } from "@rjsf/utils";
import { useQuery } from "@tanstack/react-query";
import { type CatalogFilter, fetchEntities } from "../api";
import { entityRefOf, humanizeEntityRef, parseEntityRef, stringifyEntityRef } from "../entity-ref";
import type { CatalogEntity } from "../types";
import { Combobox, type ComboOption } from "./combobox";
import { formContextOf } from "./form-context";

export interface EntityPickerOptions {
  catalogFilter?: CatalogFilter;
  allowedKinds?: string[];
  defaultKind?: string;
  defaultNamespace?: string;
  allowArbitraryValues?: boolean;
}

function options(uiSchema: FieldProps["uiSchema"]): EntityPickerOptions {
  return ((uiSchema?.["ui:options"] as EntityPickerOptions | undefined) ?? {}) as EntityPickerOptions;
}

/** Backstage's rule: `catalogFilter` wins; the legacy `allowedKinds` becomes a kind filter. */
function effectiveFilter(opts: EntityPickerOptions, fallback?: CatalogFilter): CatalogFilter | undefined {
  if (opts.catalogFilter) return opts.catalogFilter;
  if (opts.allowedKinds?.length) return { kind: opts.allowedKinds };
  return fallback;
}

/** ANDs an extra condition into every set of a catalog filter. */
function withCondition(filter: CatalogFilter | undefined, key: string, values: string[]): CatalogFilter {
  const sets = filter ? (Array.isArray(filter) ? filter : [filter]) : [{}];
  return sets.map((s) => ({ ...s, [key]: values }));
}

function displayName(e: CatalogEntity): string {
  const profile = (e.spec?.profile as { displayName?: string } | undefined)?.displayName;
  return e.metadata.title ?? profile ?? e.metadata.name;
}

function useEntityOptions(filter: CatalogFilter | undefined, opts: EntityPickerOptions, enabled = true) {
  const query = useQuery({
    queryKey: ["scaffolder", "picker", filter ?? null],
    queryFn: ({ signal }) => fetchEntities(filter, { limit: 500, signal }),
    staleTime: 60_000,
    enabled,
  });
  const defaults = { defaultKind: opts.defaultKind, defaultNamespace: opts.defaultNamespace };
  const list: ComboOption[] = (query.data?.items ?? []).map((e) => {
    const ref = entityRefOf(e);
    const short = humanizeEntityRef(ref, defaults);
    const name = displayName(e);
    return { value: ref, label: short, hint: name !== e.metadata.name ? name : undefined };
  });
  return { options: list, loading: query.isLoading, error: query.error as Error | null };
}

function normalizer(opts: EntityPickerOptions) {
  return (text: string) => {
    const e = parseEntityRef(text, {
      defaultKind: opts.defaultKind,
      defaultNamespace: opts.defaultNamespace,
    });
    return e ? stringifyEntityRef(e) : text;
  };
}

function PickerBase(
  props: FieldProps & { fallbackFilter?: CatalogFilter; multiple?: boolean; ownedOnly?: boolean },
) {
  const { fieldPathId, formData, onChange, uiSchema, rawErrors, disabled, readonly, registry, autofocus } =
    props;
  const opts = options(uiSchema);
  const ctx = formContextOf(registry);
  let filter = effectiveFilter(opts, props.fallbackFilter);
  if (props.ownedOnly && ctx?.ownershipRefs?.length)
    filter = withCondition(filter, "relations.ownedBy", ctx.ownershipRefs);
  const { options: list, loading, error } = useEntityOptions(filter, opts);
  const defaults = { defaultKind: opts.defaultKind, defaultNamespace: opts.defaultNamespace };
  return (
    <>
      <Combobox
        id={fieldPathId.$id}
        options={list}
        loading={loading}
        multiple={props.multiple}
        value={formData as string | string[] | undefined}
        allowArbitrary={opts.allowArbitraryValues ?? true}
        normalize={normalizer(opts)}
        labelOf={(v) => humanizeEntityRef(v, defaults)}
        onChange={(v) => onChange(v, fieldPathId.path)}
        disabled={disabled || readonly}
        invalid={!!rawErrors?.length}
        describedBy={ariaDescribedByIds(fieldPathId.$id)}
        autoFocus={autofocus}
      />
      {error && <p className="mt-1 text-xs text-rose-700">Could not load suggestions: {error.message}</p>}
      {props.ownedOnly && !ctx?.ownershipRefs?.length && (
        <p className="mt-1 text-xs text-slate-500">
          Sign-in is not configured, so every matching entity is offered, not only yours.
        </p>
      )}
    </>
  );
}

export function EntityPicker(props: FieldProps) {
  return <PickerBase {...props} />;
}

export function OwnerPicker(props: FieldProps) {
  return <PickerBase {...props} fallbackFilter={{ kind: ["Group", "User"] }} />;
}

export function OwnedEntityPicker(props: FieldProps) {
  return <PickerBase {...props} ownedOnly />;
}

export function MultiEntityPicker(props: FieldProps) {
  return <PickerBase {...props} multiple />;
}

/** Groups the signed-in person belongs to; every group when the portal does not know who that is. */
export function MyGroupsPicker(props: FieldProps) {
  const { fieldPathId, formData, onChange, rawErrors, disabled, readonly, registry, autofocus } = props;
  const ctx = formContextOf(registry);
  const filter: CatalogFilter = ctx?.userRef
    ? { kind: "Group", "relations.hasMember": ctx.userRef }
    : { kind: "Group" };
  const { options: list, loading } = useEntityOptions(filter, { defaultKind: "group" });
  return (
    <>
      <Combobox
        id={fieldPathId.$id}
        options={list}
        loading={loading}
        value={formData as string | undefined}
        allowArbitrary={false}
        labelOf={(v) => humanizeEntityRef(v, { defaultKind: "group" })}
        onChange={(v) => onChange(v, fieldPathId.path)}
        disabled={disabled || readonly}
        invalid={!!rawErrors?.length}
        describedBy={ariaDescribedByIds(fieldPathId.$id)}
        autoFocus={autofocus}
      />
      {!ctx?.userRef && (
        <p className="mt-1 text-xs text-slate-500">Sign-in is not configured, so every group is offered.</p>
      )}
    </>
  );
}
