"use client";

import { useMutation } from "@tanstack/react-query";
import { type DragEvent, type FormEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import { type DiagnoseRequest, MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import type { DiagnosisEngine } from "@/lib/diagnose/types";
import { postDiagnose } from "./diagnose-api";
import { DiagnosisResult, engineLabel } from "./diagnosis-result";
import { readLogFile } from "./log-file";

export interface DiagnosePrefill {
  error: string;
  namespace: string;
  pod: string;
  entity: string;
}

const input =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900";

function toRequest(
  text: string,
  namespace: string,
  pod: string,
  entity: string,
  live: boolean,
): DiagnoseRequest {
  const req: DiagnoseRequest = { error_message: text };
  if (namespace.trim()) req.namespace = namespace.trim();
  if (pod.trim()) req.pod_name = pod.trim();
  if (entity.trim()) req.entity_ref = entity.trim();
  if (live && req.namespace && req.pod_name) req.include_cluster_health = true;
  return req;
}

export function DiagnoseWorkbench({
  prefill,
  engine,
}: {
  prefill: DiagnosePrefill;
  engine: DiagnosisEngine;
}) {
  const [text, setText] = useState(prefill.error);
  const [namespace, setNamespace] = useState(prefill.namespace);
  const [pod, setPod] = useState(prefill.pod);
  const [entity, setEntity] = useState(prefill.entity);
  const [live, setLive] = useState(true);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [submittedText, setSubmittedText] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = {
    text: useId(),
    file: useId(),
    ns: useId(),
    pod: useId(),
    entity: useId(),
    live: useId(),
    hint: useId(),
  };

  const bytes = useMemo(() => new TextEncoder().encode(text).byteLength, [text]);
  const tooLarge = bytes > MAX_ERROR_MESSAGE_BYTES;
  const mutation = useMutation({ mutationFn: (req: DiagnoseRequest) => postDiagnose(req) });
  const result = mutation.data;

  useEffect(() => {
    if (result) headingRef.current?.focus();
  }, [result]);

  async function loadFile(file: File | undefined) {
    if (!file) return;
    const read = await readLogFile(file);
    if (read.ok) {
      setText(read.text);
      setFileMessage(`Loaded ${file.name}.`);
    } else {
      setFileMessage(read.message);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void loadFile(e.dataTransfer.files[0]);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim() || tooLarge || mutation.isPending) return;
    setSubmittedText(text);
    mutation.mutate(toRequest(text, namespace, pod, entity, live));
  }

  const status = mutation.isPending
    ? "Diagnosing…"
    : result
      ? `Diagnosis ready: ${result.severity} severity, ${CATEGORY_TITLES[result.category]}.`
      : "";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <form onSubmit={submit} className="space-y-4" aria-label="Diagnose an error">
        <div>
          <label htmlFor={ids.text} className="mb-1 block text-sm font-medium">
            Error message or log
          </label>
          <textarea
            id={ids.text}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            rows={14}
            spellCheck={false}
            aria-describedby={ids.hint}
            aria-invalid={tooLarge || undefined}
            placeholder="Paste kubectl describe output, pod logs, events, a stack trace, CI or Terraform output… or drop a log file here."
            className={`${input} font-mono text-xs ${dragging ? "ring-2 ring-brand-500" : ""}`}
          />
          <p
            id={ids.hint}
            className={`mt-1 text-xs ${tooLarge ? "font-semibold text-red-700 dark:text-red-300" : "text-slate-500"}`}
          >
            {tooLarge
              ? `Too large: ${Math.ceil(bytes / 1024)} KiB of at most 256 KiB. Keep the part around the failure.`
              : `${Math.ceil(bytes / 1024)} KiB of 256 KiB. Secrets are redacted before analysis.`}
          </p>
        </div>
        <div>
          <label htmlFor={ids.file} className="mb-1 block text-sm font-medium">
            Or choose a log file
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".log,.txt,.out,.json,.yaml,.yml,text/*"
            onChange={(e) => void loadFile(e.target.files?.[0])}
            className="block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm dark:file:bg-slate-800 dark:file:text-slate-200"
          />
          {fileMessage && (
            <p role="alert" className="mt-1 text-xs text-slate-700 dark:text-slate-300">
              {fileMessage}
            </p>
          )}
        </div>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Context (optional)</legend>
          <div>
            <label htmlFor={ids.ns} className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
              Namespace
            </label>
            <input
              id={ids.ns}
              value={namespace}
              onChange={(e) => setNamespace(e.target.value)}
              className={input}
              placeholder="payments"
            />
          </div>
          <div>
            <label htmlFor={ids.pod} className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
              Pod
            </label>
            <input
              id={ids.pod}
              value={pod}
              onChange={(e) => setPod(e.target.value)}
              className={input}
              placeholder="checkout-6f7c9d8b5-2kq8w"
            />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={ids.entity} className="mb-1 block text-xs text-slate-600 dark:text-slate-400">
              Catalog entity (for the owning team)
            </label>
            <input
              id={ids.entity}
              value={entity}
              onChange={(e) => setEntity(e.target.value)}
              className={input}
              placeholder="component:default/checkout"
            />
          </div>
          <div className="flex items-center gap-2 sm:col-span-2">
            <input
              id={ids.live}
              type="checkbox"
              checked={live}
              onChange={(e) => setLive(e.target.checked)}
              className="size-4"
            />
            <label htmlFor={ids.live} className="text-sm">
              Include live pod state from the cluster (needs namespace and pod)
            </label>
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={!text.trim() || tooLarge || mutation.isPending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-50"
          >
            {mutation.isPending ? "Diagnosing…" : "Diagnose"}
          </button>
          <span className="text-xs text-slate-500 dark:text-slate-400">Engine: {engineLabel(engine)}</span>
        </div>
      </form>
      <div>
        <p role="status" aria-live="polite" className="sr-only">
          {status}
        </p>
        {mutation.error && (
          <p
            role="alert"
            className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {mutation.error.message}
          </p>
        )}
        {result ? (
          <DiagnosisResult result={result} errorText={submittedText} headingRef={headingRef} />
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
            {mutation.isPending
              ? "Analyzing…"
              : "Paste an error and press Diagnose: you get the root cause, fix commands, prevention tips and matching runbooks."}
          </div>
        )}
      </div>
    </div>
  );
}
