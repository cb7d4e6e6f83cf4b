"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import {
  type ApiError,
  createTask,
  fetchParameterSchema,
  fetchTemplateEntity,
  parameterSchemaKey,
} from "./api";
import { DryRunPanel } from "./dry-run-panel";
import { stringifyEntityRef } from "./entity-ref";
import { MultiStepForm } from "./form/multi-step-form";
import type { DryRunFile, TemplateParameterSchema } from "./types";
import { alertClass, linkClass } from "./ui";

function initialValuesFrom(param: string | null): Record<string, unknown> | undefined {
  if (!param) return undefined;
  try {
    const parsed = JSON.parse(param);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function detailsList(details: unknown): string[] {
  if (!details) return [];
  if (Array.isArray(details))
    return details.map((d) =>
      typeof d === "string"
        ? d
        : [d?.path ?? d?.property ?? d?.field, d?.message].filter(Boolean).join(": ") || JSON.stringify(d),
    );
  if (typeof details === "object")
    return Object.entries(details as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`,
    );
  return [String(details)];
}

/** Adds `ui:order` (the author's order, then anything else) to pages that do not set their own. */
function withFieldOrder(p: TemplateParameterSchema, order: string[][] | undefined): TemplateParameterSchema {
  if (!order) return p;
  return {
    ...p,
    steps: p.steps.map((step, i) =>
      order[i]?.length && !Object.hasOwn(step.schema, "ui:order")
        ? { ...step, schema: { ...step.schema, "ui:order": [...order[i], "*"] } }
        : step,
    ),
  };
}

/** /create/templates/:namespace/:name — the wizard for one catalog template. */
export function TemplateWizard({
  namespace,
  name,
  presentation,
  loadFiles,
  fieldOrder,
}: {
  namespace: string;
  name: string;
  /** Reads the template's folder on the server, so the dry run gets its files like the template editor's. */
  loadFiles?: (
    namespace: string,
    name: string,
  ) => Promise<{ template?: unknown; directoryContents: DryRunFile[]; error?: string }>;
  /** Each page's property names in template.yaml order (the stored entity's key order is not the author's). */
  fieldOrder?: string[][];
  /** The template's `spec.presentation`, used when the parameter-schema response does not carry it. */
  presentation?: TemplateParameterSchema["presentation"];
}) {
  const router = useRouter();
  const search = useSearchParams();
  const templateRef = stringifyEntityRef({ kind: "template", namespace, name });
  const schema = useQuery({
    queryKey: parameterSchemaKey(namespace, name),
    queryFn: ({ signal }) => fetchParameterSchema(namespace, name, signal),
    retry: false,
  });
  const parameters = useMemo(
    () =>
      schema.data
        ? withFieldOrder(
            { ...schema.data, presentation: schema.data.presentation ?? presentation },
            fieldOrder,
          )
        : undefined,
    [schema.data, presentation, fieldOrder],
  );
  const initialValues = useMemo(() => initialValuesFrom(search.get("formData")), [search]);
  const create = useMutation({
    mutationFn: createTask,
    onSuccess: ({ id }) => router.push(`/create/tasks/${encodeURIComponent(id)}`),
  });

  if (schema.isLoading)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading the template…
      </p>
    );
  if (schema.isError || !parameters) {
    const err = schema.error as ApiError | null;
    return (
      <div role="alert" className={alertClass}>
        <p className="font-medium">
          {err?.status === 404 ? "Template not found" : "Could not load the template"}
        </p>
        <p className="mt-1">{err?.message}</p>
        <p className="mt-2">
          <Link href="/create" className={linkClass}>
            Back to the templates
          </Link>
        </p>
      </div>
    );
  }
  const createErr = create.error as ApiError | null;
  return (
    <MultiStepForm
      parameters={parameters}
      initialValues={initialValues}
      creating={create.isPending || create.isSuccess}
      onCreate={(s) => create.mutate({ templateRef, values: s.values, secrets: s.secrets })}
      createError={
        createErr ? (
          <div role="alert" className={alertClass}>
            <p className="font-medium">The task was not created: {createErr.message}</p>
            {detailsList(createErr.details).length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {detailsList(createErr.details).map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null
      }
      reviewExtras={(s) => (
        <DryRunPanel
          getRequest={async () => {
            const files = loadFiles ? await loadFiles(namespace, name) : undefined;
            if (files?.error) throw new Error(files.error);
            return {
              template: files?.template ?? (await fetchTemplateEntity(namespace, name)),
              templateRef,
              values: s.values,
              secrets: s.secrets,
              directoryContents: files?.directoryContents ?? [],
            };
          }}
        />
      )}
    />
  );
}
