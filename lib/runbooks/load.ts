import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { FAILURE_CATEGORIES } from "./categories";

export const REQUIRED_SECTIONS = ["Symptoms", "Diagnosis", "Fixes", "Prevention"] as const;

export const runbookFrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id must be kebab-case"),
  title: z.string().trim().min(1),
  categories: z.array(z.enum(FAILURE_CATEGORIES)).min(1),
  // YAML reads bare `403` as a number; a tag is still meant as text.
  tags: z
    .array(z.union([z.string(), z.number()]).transform((v) => String(v).trim()))
    .default([])
    .refine((tags) => tags.every((t) => t.length > 0), "tags must not be empty"),
});

export type RunbookFrontMatter = z.infer<typeof runbookFrontMatterSchema>;

export interface Runbook extends RunbookFrontMatter {
  /** Markdown without front matter. */
  body: string;
  /** File name relative to the runbooks directory (for error messages and links). */
  file: string;
  /** sha256 of the complete source file; changes whenever anything in it changes. */
  hash: string;
}

export class RunbookValidationError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid runbooks:\n- ${issues.join("\n- ")}`);
    this.name = "RunbookValidationError";
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Returns the runbook or the list of problems found in it (never throws on bad input). */
export function parseRunbook(source: string, file: string): { runbook?: Runbook; issues: string[] } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { issues: [`${file}: missing YAML front matter (--- ... ---)`] };
  let raw: unknown;
  try {
    raw = parseYaml(match[1]);
  } catch (err) {
    return { issues: [`${file}: front matter is not valid YAML: ${(err as Error).message}`] };
  }
  const parsed = runbookFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map(
        (i) => `${file}: front matter ${i.path.join(".") || "(root)"}: ${i.message}`,
      ),
    };
  }
  const issues: string[] = [];
  const body = source.slice(match[0].length);
  const expectedId = path.basename(file, ".md");
  if (parsed.data.id !== expectedId) {
    issues.push(`${file}: id "${parsed.data.id}" must match the file name "${expectedId}"`);
  }
  const headings = new Set(
    body
      .replace(/```[\s\S]*?```/g, "")
      .split(/\r?\n/)
      .filter((l) => l.startsWith("## "))
      .map((l) => l.slice(3).trim()),
  );
  for (const section of REQUIRED_SECTIONS) {
    if (!headings.has(section)) issues.push(`${file}: missing "## ${section}" section`);
  }
  if (issues.length > 0) return { issues };
  return { runbook: { ...parsed.data, body, file, hash: sha256(source) }, issues };
}

/** Parses many sources, rejecting duplicates; throws one error listing every problem. */
export function parseRunbooks(files: Array<{ file: string; source: string }>): Runbook[] {
  const issues: string[] = [];
  const runbooks: Runbook[] = [];
  const seen = new Map<string, string>();
  for (const { file, source } of files) {
    const result = parseRunbook(source, file);
    issues.push(...result.issues);
    if (!result.runbook) continue;
    const other = seen.get(result.runbook.id);
    if (other) {
      issues.push(`${file}: duplicate id "${result.runbook.id}" (also in ${other})`);
      continue;
    }
    seen.set(result.runbook.id, file);
    runbooks.push(result.runbook);
  }
  if (issues.length > 0) throw new RunbookValidationError(issues);
  return runbooks.sort((a, b) => a.id.localeCompare(b.id));
}

/** Loads and validates every `*.md` file in `dir` (non-recursive). */
export async function loadRunbooks(dir: string): Promise<Runbook[]> {
  const names = (await readdir(dir))
    .filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md")
    .sort();
  const files = await Promise.all(
    names.map(async (file) => ({ file, source: await readFile(path.join(dir, file), "utf8") })),
  );
  return parseRunbooks(files);
}
