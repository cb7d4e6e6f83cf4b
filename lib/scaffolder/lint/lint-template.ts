import { readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseAllDocuments, parseDocument } from "yaml";
import type { ActionRegistry } from "../actions/registry";
import { syntaxErrorOf } from "../engine/renderer";
import type { ParsedTemplate } from "../model/template";
import { walkFiles } from "../workspace/directory-contents";
import { resolveSafePath } from "../workspace/safe-path";
import { declaredParameterNames, findVariableRefs } from "./variables";

export interface LintWarning {
  severity: "error" | "warning";
  code:
    | "unknown_action"
    | "invalid_input"
    | "undefined_variable"
    | "unparseable_output"
    | "template_syntax"
    | "invalid_template";
  message: string;
  /** `template.yaml` or a path inside the template folder / workspace. */
  file: string;
  line?: number;
  column?: number;
  stepId?: string;
}

export type Locator = (keys: (string | number)[]) => { line?: number; column?: number };

export function templateLocator(yamlText: string | undefined, documentIndex = 0): Locator {
  if (!yamlText) return () => ({});
  const lc = new LineCounter();
  // A catalog file may hold several documents; line numbers stay relative to the whole file.
  const doc =
    documentIndex === 0
      ? parseDocument(yamlText, { lineCounter: lc })
      : [parseAllDocuments(yamlText, { lineCounter: lc })].flat()[documentIndex];
  if (!doc) return () => ({});
  return (keys: (string | number)[]): { line?: number; column?: number } => {
    const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    if (offset === undefined) return {};
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
}

function walkStrings(
  value: unknown,
  keys: (string | number)[],
  visit: (s: string, keys: (string | number)[]) => void,
) {
  if (typeof value === "string") visit(value, keys);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walkStrings(v, [...keys, i], visit);
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) walkStrings(v, [...keys, k], visit);
}

function containsTemplate(value: unknown): boolean {
  let found = false;
  walkStrings(value, [], (s) => {
    if (s.includes("${{") || s.includes("{%")) found = true;
  });
  return found;
}

function valueAt(root: unknown, keys: PropertyKey[]): unknown {
  let cur = root;
  for (const k of keys) {
    if (!cur || typeof cur !== "object" || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/**
 * Pre-flight checks Backstage does not do, run before any step: unknown actions, literal inputs
 * that fail the action's schema, variables that reference undeclared parameters/steps/values
 * (with file and line, in template.yaml and in fetch:template skeletons).
 */
export async function lintTemplate(options: {
  template: ParsedTemplate;
  registry: ActionRegistry;
  templateYaml?: string;
  /** Which document of `templateYaml` the template is (catalog files may hold several). */
  documentIndex?: number;
  baseDir?: string;
}): Promise<LintWarning[]> {
  const { template, registry } = options;
  const out: LintWarning[] = [];
  const at = templateLocator(options.templateYaml, options.documentIndex);
  const params = declaredParameterNames(template.pages.map((p) => p.schema));
  const seenSteps = new Set<string>();
  const checkRefs = (text: string, keys: (string | number)[], stepId?: string) => {
    const syntax = syntaxErrorOf(text);
    if (syntax) {
      const loc = at(keys);
      out.push({
        severity: "error",
        code: "template_syntax",
        message: `${keys.join(".")}: ${syntax.message}`,
        file: "template.yaml",
        line: loc.line !== undefined && syntax.line !== undefined ? loc.line + syntax.line - 1 : loc.line,
        column: loc.column,
        stepId,
      });
    }
    for (const ref of findVariableRefs(text)) {
      const loc = at(keys);
      const line = loc.line !== undefined ? loc.line + ref.line - 1 : undefined;
      if (ref.root === "parameters" && ref.path[0] && !params.has(ref.path[0]))
        out.push({
          severity: "warning",
          code: "undefined_variable",
          message: `${ref.text} is not a declared parameter`,
          file: "template.yaml",
          line,
          column: loc.column,
          stepId,
        });
      if (ref.root === "steps" && ref.path[0] && !seenSteps.has(ref.path[0]))
        out.push({
          severity: "warning",
          code: "undefined_variable",
          message: `${ref.text} refers to step "${ref.path[0]}", which does not run before this point`,
          file: "template.yaml",
          line,
          column: loc.column,
          stepId,
        });
    }
  };

  for (const [i, step] of template.steps.entries()) {
    const keys = ["spec", "steps", i];
    walkStrings(step.input, [...keys, "input"], (s, k) => checkRefs(s, k, step.id));
    if (typeof step.if === "string") checkRefs(step.if, [...keys, "if"], step.id);
    const action = registry.get(step.action);
    if (!action) {
      out.push({
        severity: "error",
        code: "unknown_action",
        message: `Action "${step.action}" is not registered`,
        file: "template.yaml",
        ...at([...keys, "action"]),
        stepId: step.id,
      });
    } else {
      const parsed = action.schema.input.safeParse(step.input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const p = issue.path as PropertyKey[];
          // Only judge literal values: anything under or beside a template expression is decided at run time.
          const raw = valueAt(step.input, p);
          if (containsTemplate(raw)) continue;
          if (p.length > 0 && containsTemplate(valueAt(step.input, p.slice(0, -1))) && raw === undefined)
            continue;
          if (p.length === 0 && containsTemplate(step.input)) continue;
          out.push({
            severity: "error",
            code: "invalid_input",
            message: `input.${p.map(String).join(".")}: ${issue.message}`,
            file: "template.yaml",
            ...at([...keys, "input", ...(p as (string | number)[])]),
            stepId: step.id,
          });
        }
      }
      if ((step.action === "fetch:template" || step.action === "fetch:template:file") && options.baseDir) {
        out.push(...(await lintSkeleton(options.baseDir, step.input, step.id)));
      }
    }
    seenSteps.add(step.id);
  }
  walkStrings(template.output, ["spec", "output"], (s, k) => checkRefs(s, k));
  return out;
}

/** Undefined `values.*` in a fetch:template skeleton: file names and contents, with line numbers. */
async function lintSkeleton(
  baseDir: string,
  input: Record<string, unknown>,
  stepId: string,
): Promise<LintWarning[]> {
  const url = input.url;
  if (typeof url !== "string" || url.includes("${{") || /^[a-z]+:\/\//i.test(url)) return [];
  const values =
    input.values && typeof input.values === "object" ? (input.values as Record<string, unknown>) : {};
  const declared = new Set(Object.keys(values));
  const compat = input.cookiecutterCompat === true;
  const root = compat ? "cookiecutter" : "values";
  let src: string;
  try {
    src = resolveSafePath(baseDir, url);
  } catch {
    return [];
  }
  const out: LintWarning[] = [];
  let files: { path: string; abs: string; size: number; symlink: boolean }[];
  try {
    files = await walkFiles(src);
  } catch {
    try {
      files = [{ path: path.basename(src), abs: src, size: 0, symlink: false }];
      await readFile(src);
    } catch {
      return [];
    }
  }
  const skip = ((input.copyWithoutTemplating ?? input.copyWithoutRender) as string[] | undefined) ?? [];
  const { minimatch } = await import("minimatch");
  for (const f of files) {
    if (f.symlink || f.size > 1024 * 1024) continue;
    const rel = path.posix.join(path.relative(baseDir, src).split(path.sep).join("/"), f.path);
    const check = (text: string, inName: boolean) => {
      for (const ref of findVariableRefs(text, compat)) {
        if (ref.root !== root || !ref.path[0] || declared.has(ref.path[0])) continue;
        out.push({
          severity: "warning",
          code: "undefined_variable",
          message: `${ref.text} is not passed in the values of step ${stepId}${inName ? " (in the file name)" : ""}`,
          file: rel,
          line: inName ? undefined : ref.line,
          column: inName ? undefined : ref.column,
          stepId,
        });
      }
    };
    check(f.path, true);
    if (skip.some((g) => minimatch(f.path, g, { dot: true }))) continue;
    const buf = await readFile(f.abs);
    if (buf.includes(0)) continue;
    check(buf.toString("utf8"), false);
  }
  return out;
}

/** Rendered catalog-info.yaml and JSON files that no longer parse. */
export function lintRenderedFiles(files: { path: string; content: Buffer }[]): LintWarning[] {
  const out: LintWarning[] = [];
  for (const f of files) {
    const base = path.posix.basename(f.path);
    if (/^catalog-info\.ya?ml$/.test(base)) {
      const parsed = parseAllDocuments(f.content.toString("utf8"), { prettyErrors: true });
      const err = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((d) => d.errors)[0];
      if (err) {
        const pos = err.linePos?.[0];
        out.push({
          severity: "error",
          code: "unparseable_output",
          message: `Rendered ${f.path} is not valid YAML: ${err.message.split("\n")[0]}`,
          file: f.path,
          line: pos?.line,
          column: pos?.col,
        });
      }
    } else if (base.endsWith(".json")) {
      try {
        JSON.parse(f.content.toString("utf8"));
      } catch (e) {
        out.push({
          severity: "error",
          code: "unparseable_output",
          message: `Rendered ${f.path} is not valid JSON: ${(e as Error).message}`,
          file: f.path,
        });
      }
    }
  }
  return out;
}
