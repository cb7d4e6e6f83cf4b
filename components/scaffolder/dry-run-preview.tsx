"use client";

import { useMemo, useState } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { buildTree, fenced, fileSize, fileText, languageOf, type TreeNode } from "./file-view";
import { OutputView } from "./output-view";
import type { DryRunFile, DryRunResult, LintWarning } from "./types";

function FileTree({
  nodes,
  selected,
  onSelect,
}: {
  nodes: TreeNode[];
  selected: string;
  onSelect: (path: string) => void;
}) {
  return (
    <ul className="space-y-0.5 pl-3 first:pl-0">
      {nodes.map((n) =>
        n.children ? (
          <li key={`d:${n.path}`}>
            <span className="flex items-center gap-1 py-0.5 text-slate-500">
              <span aria-hidden>▾</span> {n.name}/
            </span>
            <FileTree nodes={n.children} selected={selected} onSelect={onSelect} />
          </li>
        ) : (
          <li key={`f:${n.path}`}>
            <button
              type="button"
              onClick={() => onSelect(n.path)}
              aria-current={selected === n.path ? "true" : undefined}
              className={`w-full truncate rounded px-1.5 py-0.5 text-left font-mono text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${
                selected === n.path
                  ? "bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-100"
                  : ""
              }`}
            >
              {n.name}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

function FileContent({ file }: { file: DryRunFile }) {
  const text = useMemo(() => fileText(file), [file]);
  const size = fileSize(file);
  return (
    <div>
      <p className="mb-1 flex flex-wrap items-center gap-2 font-mono text-xs text-slate-500">
        <span className="font-semibold text-slate-700 dark:text-slate-200">{file.path}</span>
        <span>{size.toLocaleString("en")} bytes</span>
        {file.executable && (
          <span className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            executable
          </span>
        )}
      </p>
      {text === undefined ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
          Binary file, copied byte for byte.
        </p>
      ) : text.length > 200_000 ? (
        <pre className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs dark:border-slate-700 dark:bg-slate-950">
          {text}
        </pre>
      ) : (
        <div className="max-h-[32rem] overflow-auto" data-testid="file-content">
          <MarkdownView markdown={fenced(text, languageOf(file.path))} />
        </div>
      )}
    </div>
  );
}

export function WarningList({ warnings }: { warnings: LintWarning[] }) {
  if (!warnings.length) return null;
  return (
    <section
      aria-labelledby="lint-warnings"
      className="rounded-lg border border-amber-200 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950"
    >
      <h3 id="lint-warnings" className="text-sm font-semibold text-amber-900 dark:text-amber-100">
        Lint warnings ({warnings.length})
      </h3>
      <ul className="mt-1 space-y-1 text-sm text-amber-900 dark:text-amber-100">
        {warnings.map((w, i) => {
          const where = [w.file, w.line, w.column].filter((x) => x !== undefined && x !== "").join(":");
          const tone = w.severity === "error" ? "font-semibold" : "";
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity beyond position.
            <li key={i} className={tone}>
              {w.severity && <span className="mr-1 uppercase text-[10px] tracking-wide">{w.severity}</span>}
              {where && <span className="mr-1 font-mono text-xs">{where}</span>}
              {w.message}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function LogView({
  lines,
  label = "Log",
}: {
  lines: Array<{ message?: string; stepId?: string; status?: string }>;
  label?: string;
}) {
  return (
    <pre
      data-testid={label}
      className="max-h-80 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs leading-relaxed text-slate-100"
    >
      {lines.length === 0
        ? "No log lines."
        : lines
            .map(
              (l) =>
                `${l.stepId ? `[${l.stepId}] ` : ""}${l.message ?? (l.status ? `status: ${l.status}` : "")}`,
            )
            .join("\n")}
    </pre>
  );
}

type Tab = "files" | "log" | "output";

/** The result of a dry run: the workspace the steps left, the log, the output and lint warnings. */
export function DryRunPreview({ result }: { result: DryRunResult }) {
  const files = useMemo(
    () => [...result.directoryContents].sort((a, b) => a.path.localeCompare(b.path)),
    [result.directoryContents],
  );
  const tree = useMemo(() => buildTree(files.map((f) => f.path)), [files]);
  const [selected, setSelected] = useState(
    () => files.find((f) => f.path.endsWith("catalog-info.yaml"))?.path ?? files[0]?.path ?? "",
  );
  const [tab, setTab] = useState<Tab>("files");
  const file = files.find((f) => f.path === selected);
  const tabs: Array<[Tab, string]> = [
    ["files", `Files (${files.length})`],
    ["log", `Log (${result.log.length})`],
    ["output", "Output"],
  ];
  return (
    <section
      aria-label="Dry-run result"
      className="space-y-3"
      data-dry-run-status={result.status ?? "completed"}
    >
      {result.status && result.status !== "completed" ? (
        <p
          role="alert"
          className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
        >
          The dry run {result.status}
          {result.error ? `: ${result.error}` : "."}
        </p>
      ) : (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          Dry run completed: {files.length} {files.length === 1 ? "file" : "files"} rendered.
        </p>
      )}
      <WarningList warnings={result.lint ?? result.warnings ?? []} />
      {result.steps.length > 0 && (
        <ol aria-label="Dry-run steps" className="flex flex-wrap gap-2 text-xs">
          {result.steps.map((s) => (
            <li
              key={s.id}
              className="rounded-md border border-slate-200 px-2 py-1 dark:border-slate-700"
              data-step-status={s.status}
            >
              <span className="font-medium">{s.name ?? s.id}</span>
              {s.status && <span className="ml-1 text-slate-500">{s.status}</span>}
              {s.durationMs !== undefined && <span className="ml-1 text-slate-400">{s.durationMs} ms</span>}
            </li>
          ))}
        </ol>
      )}
      <div
        role="tablist"
        aria-label="Dry-run views"
        className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
      >
        {tabs.map(([key, label]) => (
          <button
            key={key}
            type="button"
            role="tab"
            id={`dry-tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`dry-panel-${key}`}
            onClick={() => setTab(key)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === key
                ? "border-brand-600 text-brand-700 dark:text-brand-500"
                : "border-transparent text-slate-500 hover:text-slate-700 dark:hover:text-slate-300"
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`dry-panel-${tab}`} aria-labelledby={`dry-tab-${tab}`}>
        {tab === "files" &&
          (files.length === 0 ? (
            <p className="text-sm text-slate-500">The steps left the workspace empty.</p>
          ) : (
            <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
              <nav aria-label="Generated files" className="max-h-[32rem] overflow-auto text-sm">
                <FileTree nodes={tree} selected={selected} onSelect={setSelected} />
              </nav>
              <div className="min-w-0">{file && <FileContent file={file} />}</div>
            </div>
          ))}
        {tab === "log" && <LogView lines={result.log.map((l) => l.body)} />}
        {tab === "output" && <OutputView output={result.output} dryRun />}
      </div>
    </section>
  );
}
