import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { walkFiles } from "../workspace/directory-contents";
import { resolveSafePath } from "../workspace/safe-path";
import type { LintWarning } from "./lint-template";
import { scanTemplateTags } from "./variables";

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 2000;

/**
 * Replaces every `${{ … }}` (and `{{ … }}` in cookiecutter mode) with `placeholder` and drops every
 * `{% … %}` / `{# … #}` tag, keeping the newlines inside tags so line numbers stay those of the source.
 */
export function blankTemplateTags(text: string, placeholder: string, cookiecutter = false): string {
  let out = "";
  let from = 0;
  for (const tag of scanTemplateTags(text, cookiecutter)) {
    if (tag.kind === "raw") continue;
    const newlines = text.slice(tag.start, tag.end).replace(/[^\n]/g, "");
    out += text.slice(from, tag.start) + (tag.kind === "expr" ? placeholder : "") + newlines;
    from = tag.end;
  }
  return out + text.slice(from);
}

function isOutputFile(name: string): "yaml" | "json" | undefined {
  if (/^catalog-info\.ya?ml$/.test(name)) return "yaml";
  if (name.endsWith(".json")) return "json";
  return undefined;
}

/**
 * Registration-time stand-in for "rendered catalog-info.yaml / JSON no longer parses": no values exist
 * yet, so every expression becomes a placeholder and both sides of each `{% if %}` are kept (duplicate
 * keys are therefore allowed). What still fails to parse fails for every set of values: usually a tag
 * that breaks indentation or quoting, Backstage's most common template bug (awslabs/harmonix#107).
 */
export async function lintSkeletonOutputs(
  baseDir: string,
  input: Record<string, unknown>,
  stepId: string,
): Promise<LintWarning[]> {
  const url = input.url;
  if (typeof url !== "string" || url.includes("${{") || /^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return [];
  let src: string;
  try {
    src = resolveSafePath(baseDir, url);
  } catch {
    return [];
  }
  const compat = input.cookiecutterCompat === true;
  const out: LintWarning[] = [];
  let files: Awaited<ReturnType<typeof walkFiles>>;
  try {
    files = await walkFiles(src);
  } catch {
    return [];
  }
  for (const f of files.slice(0, MAX_FILES)) {
    const kind = isOutputFile(path.posix.basename(f.path));
    if (!kind || f.symlink || f.size > MAX_FILE_BYTES) continue;
    const rel = path.posix.join(path.relative(baseDir, src).split(path.sep).join("/"), f.path);
    const text = await readFile(f.abs, "utf8");
    if (kind === "yaml") {
      const docs = parseAllDocuments(blankTemplateTags(text, "x0", compat), { uniqueKeys: false });
      const err = [docs].flat().flatMap((d) => d.errors)[0];
      if (err) {
        const pos = err.linePos?.[0];
        out.push({
          severity: "warning",
          code: "unparseable_output",
          message: `${rel} is not valid YAML even with placeholder values: ${err.message.split("\n")[0]}`,
          file: rel,
          line: pos?.line,
          column: pos?.col,
          stepId,
        });
      }
    } else if (!text.includes("{%")) {
      // Loops and conditionals in JSON usually place commas; keeping every branch would misjudge them.
      try {
        JSON.parse(blankTemplateTags(text, "0", compat));
      } catch (e) {
        out.push({
          severity: "warning",
          code: "unparseable_output",
          message: `${rel} is not valid JSON even with placeholder values: ${(e as Error).message}`,
          file: rel,
          stepId,
        });
      }
    }
  }
  return out;
}
