"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type PasteTarget, UpdatePasteButton, UpdatingPasteNotice } from "./paste-update";
import { PreviewTable } from "./preview-table";
import { ProblemsTable } from "./problems-table";
import { postRegister, RegisterError, type RegisterInput, type RegisterResult } from "./register-types";

const input =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900";
const primary =
  "rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-50";
const secondary =
  "rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

function ErrorBox({ error }: { error: Error }) {
  const d = error instanceof RegisterError ? error.details : undefined;
  return (
    <p
      role="alert"
      className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
    >
      {error.message}
      {d?.line !== undefined && ` (line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ""})`}
    </p>
  );
}

function Summary({ result }: { result: RegisterResult }) {
  const r = result.result;
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
      data-testid="register-summary"
    >
      <p className="font-semibold">Imported from {result.location.target.split("/").pop()}</p>
      {r ? (
        <p>
          {r.added} added · {r.updated} updated · {r.unchanged} unchanged
          {r.conflicts > 0 && ` · ${r.conflicts} conflicts`}
          {r.orphaned > 0 && ` · ${r.orphaned} orphaned`}
        </p>
      ) : (
        <p>The location was stored but could not be read; see the problems below.</p>
      )}
    </div>
  );
}

/** Paste YAML or give a URL → analyse (dry run) → import → summary with links. */
export function RegisterForm() {
  const [mode, setMode] = useState<"yaml" | "url">("yaml");
  const [yaml, setYaml] = useState("");
  const [url, setUrl] = useState("");
  const [updating, setUpdating] = useState<PasteTarget>();
  const body: RegisterInput =
    mode === "yaml" ? { yaml, ...(updating && { locationId: updating.locationId }) } : { url: url.trim() };
  const analyse = useMutation({ mutationFn: (b: RegisterInput) => postRegister(b, true) });
  const queryClient = useQueryClient();
  const doImport = useMutation({
    mutationFn: (b: RegisterInput) => postRegister(b, false),
    // Lists and search results cached in this tab predate the import.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["catalog-ui"] }),
  });
  const empty = mode === "yaml" ? yaml.trim() === "" : url.trim() === "";
  // Editing the input invalidates the analysis it belonged to.
  const reset = () => {
    analyse.reset();
    doImport.reset();
  };
  const preview = analyse.data;
  const imported = doImport.data;

  return (
    <div className="space-y-6">
      <form
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => {
          e.preventDefault();
          doImport.reset();
          analyse.mutate(body);
        }}
      >
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">Source</legend>
          {(["yaml", "url"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input
                type="radio"
                name="source"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  reset();
                }}
                className="accent-brand-600"
              />
              {m === "yaml" ? "Paste YAML" : "From a URL"}
            </label>
          ))}
        </fieldset>
        {mode === "yaml" && updating && (
          <UpdatingPasteNotice
            target={updating}
            onCancel={() => {
              setUpdating(undefined);
              reset();
            }}
          />
        )}
        {mode === "yaml" ? (
          <label className="block text-sm font-medium">
            Catalog YAML (one or more documents separated by <code>---</code>)
            <textarea
              value={yaml}
              onChange={(e) => {
                setYaml(e.target.value);
                reset();
              }}
              rows={16}
              spellCheck={false}
              className={`${input} mt-1 font-mono text-xs`}
              placeholder={
                "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: my-service\nspec:\n  type: service\n  lifecycle: experimental\n  owner: my-team"
              }
            />
          </label>
        ) : (
          <label className="block text-sm font-medium">
            URL of a catalog-info.yaml
            <input
              type="url"
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                reset();
              }}
              className={`${input} mt-1`}
              placeholder="https://github.com/org/repo/blob/main/catalog-info.yaml"
            />
          </label>
        )}
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={secondary} disabled={empty || analyse.isPending}>
            {analyse.isPending ? "Analysing…" : "Analyse"}
          </button>
          <button
            type="button"
            className={primary}
            disabled={!preview || preview.entities.length === 0 || doImport.isPending || Boolean(imported)}
            onClick={() => doImport.mutate(body)}
          >
            {doImport.isPending ? "Importing…" : "Import"}
          </button>
        </div>
      </form>

      {analyse.error && <ErrorBox error={analyse.error} />}
      {doImport.error && <ErrorBox error={doImport.error} />}

      {imported ? (
        <section aria-label="Import result" className="space-y-3">
          <Summary result={imported} />
          {"yaml" in body && (
            <UpdatePasteButton
              onClick={() => {
                setUpdating({
                  locationId: imported.location.id,
                  file: imported.location.target.split("/").pop() ?? "",
                });
                reset();
              }}
            />
          )}
          <PreviewTable entities={imported.entities} imported />
          <ProblemsTable problems={imported.errors} />
        </section>
      ) : (
        preview && (
          <section aria-label="Analysis" className="space-y-3">
            <h2 className="text-lg font-semibold">
              {preview.entities.length} {preview.entities.length === 1 ? "entity" : "entities"} would be
              imported
            </h2>
            <PreviewTable entities={preview.entities} imported={false} />
            <ProblemsTable problems={preview.errors} />
          </section>
        )
      )}
    </div>
  );
}
