"use client";

import { ariaDescribedByIds, type FieldProps } from "@rjsf/utils";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchTagFacets } from "../api";
import { parseRepoUrl, serializeRepoUrl } from "../repo-url";
import { inputClass } from "../ui";
import { Combobox } from "./combobox";
import { formContextOf } from "./form-context";

export function EntityNamePicker(props: FieldProps) {
  const { fieldPathId, formData, onChange, rawErrors, disabled, readonly, autofocus, schema, uiSchema } =
    props;
  return (
    <input
      id={fieldPathId.$id}
      type="text"
      className={inputClass}
      value={(formData as string | undefined) ?? ""}
      maxLength={63}
      placeholder={(uiSchema?.["ui:placeholder"] as string | undefined) ?? schema.examples?.toString()}
      // biome-ignore lint/a11y/noAutofocus: templates ask for it with ui:autofocus.
      autoFocus={autofocus}
      disabled={disabled}
      readOnly={readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={ariaDescribedByIds(fieldPathId.$id)}
      onChange={(e) => onChange(e.target.value || undefined, fieldPathId.path)}
      onBlur={(e) => props.onBlur(fieldPathId.$id, e.target.value)}
    />
  );
}

export function EntityTagsPicker(props: FieldProps) {
  const { fieldPathId, formData, onChange, rawErrors, disabled, readonly, uiSchema } = props;
  const opts = (uiSchema?.["ui:options"] ?? {}) as {
    kinds?: string[];
    showCounts?: boolean;
    helperText?: string;
  };
  const facets = useQuery({
    queryKey: ["scaffolder", "tags", opts.kinds ?? null],
    queryFn: ({ signal }) => fetchTagFacets(opts.kinds, signal),
    staleTime: 60_000,
  });
  const list = (facets.data?.facets["metadata.tags"] ?? []).map((f) => ({
    value: f.value,
    label: f.value,
    hint: opts.showCounts ? String(f.count) : undefined,
  }));
  return (
    <>
      <Combobox
        id={fieldPathId.$id}
        options={list}
        loading={facets.isLoading}
        multiple
        allowArbitrary
        normalize={(t) => t.trim().toLowerCase()}
        value={(formData as string[] | undefined) ?? []}
        onChange={(v) => onChange(v as string[], fieldPathId.path)}
        disabled={disabled || readonly}
        invalid={!!rawErrors?.length}
        describedBy={ariaDescribedByIds(fieldPathId.$id)}
        placeholder="Type a tag and press Enter"
      />
      {opts.helperText && <p className="mt-1 text-xs text-slate-500">{opts.helperText}</p>}
    </>
  );
}

export interface RepoUrlPickerOptions {
  allowedHosts?: string[];
  allowedOwners?: string[];
  allowedRepos?: string[];
}

/** `host?owner=…&repo=…`, with hosts and owners limited to the template's allowed lists when it has them. */
export function RepoUrlPicker(props: FieldProps) {
  const { fieldPathId, formData, onChange, rawErrors, disabled, readonly, uiSchema } = props;
  const opts = (uiSchema?.["ui:options"] ?? {}) as RepoUrlPickerOptions;
  const parts = parseRepoUrl(formData as string | undefined);
  const hosts = opts.allowedHosts ?? [];
  // An allowed host is chosen up front, like Backstage, so a one-host template needs no click.
  const host = parts.host || (hosts.length ? hosts[0] : "");
  const set = (patch: Partial<typeof parts>) =>
    onChange(serializeRepoUrl({ ...parts, host, ...patch }), fieldPathId.path);
  const id = fieldPathId.$id;
  const invalid = rawErrors?.length ? true : undefined;
  const sub = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-300";
  return (
    <fieldset
      aria-describedby={ariaDescribedByIds(id)}
      className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3 dark:border-slate-700"
    >
      <div>
        <label htmlFor={id} className={sub}>
          Host
        </label>
        {hosts.length > 0 ? (
          <select
            id={id}
            className={inputClass}
            value={host}
            disabled={disabled || readonly}
            onChange={(e) => set({ host: e.target.value })}
            aria-invalid={invalid}
          >
            {hosts.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            className={inputClass}
            value={host}
            placeholder="github.com"
            disabled={disabled}
            readOnly={readonly}
            onChange={(e) => set({ host: e.target.value.trim() })}
            aria-invalid={invalid}
          />
        )}
      </div>
      <div>
        <label htmlFor={`${id}-owner`} className={sub}>
          Owner
        </label>
        {opts.allowedOwners?.length ? (
          <select
            id={`${id}-owner`}
            className={inputClass}
            value={parts.owner ?? ""}
            disabled={disabled || readonly}
            onChange={(e) => set({ owner: e.target.value || undefined })}
            aria-invalid={invalid}
          >
            <option value="">Choose an owner</option>
            {opts.allowedOwners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-owner`}
            className={inputClass}
            value={parts.owner ?? ""}
            placeholder="organisation or user"
            disabled={disabled}
            readOnly={readonly}
            onChange={(e) => set({ owner: e.target.value.trim() || undefined })}
            aria-invalid={invalid}
          />
        )}
      </div>
      <div>
        <label htmlFor={`${id}-repo`} className={sub}>
          Repository
        </label>
        {opts.allowedRepos?.length ? (
          <select
            id={`${id}-repo`}
            className={inputClass}
            value={parts.repo ?? ""}
            disabled={disabled || readonly}
            onChange={(e) => set({ repo: e.target.value || undefined })}
            aria-invalid={invalid}
          >
            <option value="">Choose a repository</option>
            {opts.allowedRepos.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-repo`}
            className={inputClass}
            value={parts.repo ?? ""}
            placeholder="my-new-service"
            disabled={disabled}
            readOnly={readonly}
            onChange={(e) => set({ repo: e.target.value.trim() || undefined })}
            aria-invalid={invalid}
          />
        )}
      </div>
    </fieldset>
  );
}

const MASK_CHAR = "*";

/**
 * Backstage's Secret field: the form data only holds a mask of the same length (so `required` still
 * works and nothing real reaches `values`); the value itself goes to the task's `secrets`.
 */
export function SecretField(props: FieldProps) {
  const { fieldPathId, formData, onChange, rawErrors, disabled, readonly, registry, name } = props;
  const ctx = formContextOf(registry);
  const [value, setValue] = useState("");
  return (
    <input
      id={fieldPathId.$id}
      type="password"
      autoComplete="off"
      className={inputClass}
      value={value}
      placeholder={formData && !value ? "Stored; type to replace" : undefined}
      disabled={disabled}
      readOnly={readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={ariaDescribedByIds(fieldPathId.$id)}
      onChange={(e) => {
        const v = e.target.value;
        setValue(v);
        ctx?.setSecret(name, v || undefined);
        onChange(v ? MASK_CHAR.repeat(v.length) : undefined, fieldPathId.path);
      }}
    />
  );
}
