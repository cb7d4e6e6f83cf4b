"use client";

import { useMemo, useState } from "react";
import { useDebouncedValue } from "@/components/catalog/use-debounced-value";
import { DryRunPanel } from "./dry-run-panel";
import {
  type EditorFile,
  findTemplatePath,
  parseEditorTemplate,
  readUpload,
  relativeUploadPaths,
  STARTER_FILES,
  toDirectoryContents,
} from "./editor-model";
import { buildTree } from "./file-view";
import { MultiStepForm } from "./form/multi-step-form";
import { alertClass, inputClass, panelClass, secondaryButton } from "./ui";

function FileList({
  files,
  selected,
  onSelect,
  onDelete,
}: {
  files: EditorFile[];
  selected: string;
  onSelect: (p: string) => void;
  onDelete: (p: string) => void;
}) {
  const ordered = useMemo(() => {
    const out: string[] = [];
    const walk = (nodes: ReturnType<typeof buildTree>) => {
      for (const n of nodes) n.children ? walk(n.children) : out.push(n.path);
    };
    walk(buildTree(files.map((f) => f.path)));
    return out;
  }, [files]);
  return (
    <ul aria-label="Template files" className="space-y-0.5">
      {ordered.map((p) => (
        <li key={p} className="group flex items-center gap-1">
          <button
            type="button"
            onClick={() => onSelect(p)}
            aria-current={p === selected ? "true" : undefined}
            className={`min-w-0 flex-1 truncate rounded px-1.5 py-0.5 text-left font-mono text-xs hover:bg-slate-100 dark:hover:bg-slate-800 ${
              p === selected
                ? "bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-brand-100"
                : ""
            }`}
          >
            {p}
          </button>
          <button
            type="button"
            onClick={() => onDelete(p)}
            aria-label={`Delete ${p}`}
            className="rounded px-1 text-xs text-slate-400 opacity-0 group-hover:opacity-100 hover:text-rose-600 focus:opacity-100"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * /create/edit — Backstage's template editor: load a template folder (upload or paste), edit its files,
 * see the wizard the parameters produce as you type, and dry-run it with the files as they are now.
 */
export function TemplateEditor() {
  const [files, setFiles] = useState<EditorFile[]>(STARTER_FILES);
  const [selected, setSelected] = useState("template.yaml");
  const [newPath, setNewPath] = useState("");
  const [loadError, setLoadError] = useState<string | null>(null);
  const templatePath = findTemplatePath(files);
  const templateText = files.find((f) => f.path === templatePath)?.text;
  const debouncedText = useDebouncedValue(templateText, 400);
  const parsed = useMemo(() => parseEditorTemplate(debouncedText), [debouncedText]);
  const current = files.find((f) => f.path === selected);
  // The form restarts whenever the parameters change shape, so it always matches the YAML.
  const formKey = useMemo(() => JSON.stringify(parsed.parameters ?? null), [parsed.parameters]);

  const load = async (list: FileList | null) => {
    if (!list?.length) return;
    setLoadError(null);
    try {
      const uploads = [...list];
      const paths = relativeUploadPaths(uploads.map((f) => f.webkitRelativePath || f.name));
      const loaded: EditorFile[] = await Promise.all(
        uploads.map(async (f, i) => ({ path: paths[i], ...(await readUpload(f)) })),
      );
      setFiles(loaded);
      setSelected(findTemplatePath(loaded) ?? loaded[0].path);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  };

  const edit = (text: string) =>
    setFiles((list) => list.map((f) => (f.path === selected ? { ...f, text, base64: undefined } : f)));

  const addFile = () => {
    const p = newPath.trim().replace(/^\/+/, "");
    if (!p || p.split("/").includes("..") || files.some((f) => f.path === p)) return;
    setFiles((list) => [...list, { path: p, text: "" }]);
    setSelected(p);
    setNewPath("");
  };

  return (
    <div className="grid gap-6 2xl:grid-cols-2">
      <section aria-labelledby="editor-files" className="space-y-4">
        <div className={panelClass}>
          <h2 id="editor-files" className="text-sm font-semibold">
            Load a template
          </h2>
          <div className="mt-3 flex flex-wrap gap-3 text-sm">
            <label className={secondaryButton}>
              Upload folder
              <input
                type="file"
                className="sr-only"
                multiple
                // Non-standard but supported by every current browser: pick a whole directory.
                {...({ webkitdirectory: "" } as Record<string, string>)}
                onChange={(e) => void load(e.target.files)}
              />
            </label>
            <label className={secondaryButton}>
              Upload files
              <input type="file" className="sr-only" multiple onChange={(e) => void load(e.target.files)} />
            </label>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                setFiles([{ path: "template.yaml", text: "" }]);
                setSelected("template.yaml");
              }}
            >
              Paste template.yaml
            </button>
            <button
              type="button"
              className={secondaryButton}
              onClick={() => {
                setFiles(STARTER_FILES);
                setSelected("template.yaml");
              }}
            >
              Reset to example
            </button>
          </div>
          {loadError && (
            <p role="alert" className={`mt-3 ${alertClass}`}>
              {loadError}
            </p>
          )}
        </div>
        <div className={`${panelClass} grid gap-4 md:grid-cols-[12rem_1fr]`}>
          <div className="space-y-3">
            <FileList
              files={files}
              selected={selected}
              onSelect={setSelected}
              onDelete={(p) => {
                setFiles((list) => list.filter((f) => f.path !== p));
                if (p === selected) setSelected(templatePath ?? "");
              }}
            />
            <form
              onSubmit={(e) => {
                e.preventDefault();
                addFile();
              }}
              className="flex gap-1"
            >
              <label className="sr-only" htmlFor="new-file-path">
                New file path
              </label>
              <input
                id="new-file-path"
                value={newPath}
                onChange={(e) => setNewPath(e.target.value)}
                placeholder="skeleton/new.txt"
                className={`${inputClass} py-1 text-xs`}
              />
              <button type="submit" className={`${secondaryButton} px-2 py-1 text-xs`}>
                Add
              </button>
            </form>
          </div>
          <div className="min-w-0">
            {current ? (
              current.text !== undefined ? (
                <>
                  <label htmlFor="file-editor" className="mb-1 block font-mono text-xs text-slate-500">
                    {current.path}
                  </label>
                  <textarea
                    id="file-editor"
                    value={current.text}
                    onChange={(e) => edit(e.target.value)}
                    spellCheck={false}
                    wrap="off"
                    placeholder={current.path === templatePath ? "Paste your template.yaml here" : undefined}
                    className="h-[28rem] w-full resize-y rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-xs leading-relaxed focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-950"
                  />
                </>
              ) : (
                <p className="text-sm text-slate-500">
                  {current.path} is a binary file; it is sent as uploaded.
                </p>
              )
            ) : (
              <p className="text-sm text-slate-500">Choose a file to edit.</p>
            )}
          </div>
        </div>
      </section>
      <section aria-labelledby="editor-preview" className="space-y-4">
        <h2 id="editor-preview" className="text-sm font-semibold">
          Form preview
        </h2>
        {!templatePath && (
          <p role="alert" className={alertClass}>
            No template.yaml in these files.
          </p>
        )}
        {templatePath && parsed.error && (
          <p role="alert" className={alertClass}>
            {templatePath}: {parsed.error}
          </p>
        )}
        {parsed.parameters && parsed.template && (
          <MultiStepForm
            key={formKey}
            parameters={parsed.parameters}
            reviewExtras={(s) => (
              <DryRunPanel
                getRequest={async () => ({
                  template: parsed.template,
                  values: s.values,
                  secrets: s.secrets,
                  directoryContents: toDirectoryContents(files),
                })}
              />
            )}
          />
        )}
      </section>
    </div>
  );
}
