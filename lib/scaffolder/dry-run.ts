import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ActionRegistry } from "./actions/registry";
import { TemplateSyntaxError } from "./engine/renderer";
import { type LintWarning, lintRenderedFiles, lintTemplate } from "./lint/lint-template";
import { applyDefaultsAndValidate, splitSecretValues, type ValueProblem } from "./model/parameters";
import { type ParsedTemplate, parseTemplate } from "./model/template";
import { type LogEntry, runTemplate, type StepRecord } from "./runner/run-template";
import type { ScaffolderServices } from "./services";
import { baseUrlOf } from "./templates-source/find-template";
import { localUser } from "./user";
import {
  type DirectoryEntry,
  readDirectoryContents,
  writeDirectoryContents,
} from "./workspace/directory-contents";

export interface DryRunLogLine {
  body: { message: string; stepId?: string; status?: string; level: string };
  createdAt: string;
}

export interface DryRunResult {
  status: "completed" | "failed" | "cancelled";
  error?: string;
  directoryContents: Required<DirectoryEntry>[];
  output: Record<string, unknown>;
  log: DryRunLogLine[];
  steps: (Pick<StepRecord, "id" | "name" | "action" | "status"> & { durationMs?: number; error?: string })[];
  lint: LintWarning[];
}

export class ValuesInvalidError extends Error {
  constructor(readonly problems: ValueProblem[]) {
    super(`Invalid values: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    this.name = "ValuesInvalidError";
  }
}

export interface DryRunOptions {
  template: unknown;
  /** The template.yaml text when known, for line numbers in lint warnings. */
  templateYaml?: string;
  values: Record<string, unknown>;
  secrets?: Record<string, string>;
  /** Folder relative `fetch:*` URLs resolve against. */
  baseDir?: string;
  /** Or the template.yaml's repository URL, for templates registered from a URL. */
  baseUrl?: string;
  registry: ActionRegistry;
  services: ScaffolderServices;
  signal?: AbortSignal;
  /** Keep the workspace here instead of a temp dir that is removed afterwards (CLI `--out`). */
  workspacePath?: string;
}

/** Parses, defaults/validates values, lints, then runs every step with `isDryRun` and publishers faked. */
export async function dryRunTemplate(options: DryRunOptions): Promise<DryRunResult> {
  const template: ParsedTemplate = parseTemplate(options.template);
  const { values: withDefaults, problems } = applyDefaultsAndValidate(template.pages, {
    ...options.values,
    ...(options.secrets ?? {}),
  });
  if (problems.length) throw new ValuesInvalidError(problems);
  const split = splitSecretValues(template.pages, withDefaults, options.secrets ?? {});
  for (const k of Object.keys(options.secrets ?? {})) delete split.values[k];
  const lint = await lintTemplate({
    template,
    registry: options.registry,
    templateYaml: options.templateYaml,
    baseDir: options.baseDir,
  });
  const workspace = options.workspacePath ?? (await mkdtemp(path.join(tmpdir(), "portico-dry-run-")));
  const log: DryRunLogLine[] = [];
  const timings = new Map<string, number>();
  try {
    const result = await runTemplate({
      template,
      values: split.values,
      secrets: split.secrets,
      user: localUser(),
      taskId: `dry-run-${randomUUID()}`,
      workspacePath: workspace,
      templateInfo: { baseDir: options.baseDir, baseUrl: options.baseUrl, entityRef: template.ref },
      registry: options.registry,
      services: options.services,
      isDryRun: true,
      signal: options.signal ?? new AbortController().signal,
      hooks: {
        log: (e: LogEntry) =>
          void log.push({
            body: { message: e.message, stepId: e.stepId, level: e.level },
            createdAt: new Date().toISOString(),
          }),
        step: (r) => {
          if (r.status === "processing") timings.set(r.id, performance.now());
          log.push({
            body: { message: `Step ${r.id} ${r.status}`, stepId: r.id, status: r.status, level: "info" },
            createdAt: new Date().toISOString(),
          });
        },
      },
    });
    for (const s of result.steps) {
      const error = s.error ?? "";
      const known = lint.some((w) => w.code === "template_syntax" && w.stepId === s.id);
      if (s.status === "failed" && !known && /\d+:\d+: |line \d+/.test(error)) {
        const m = /^([^:\s]+):(\d+):(\d+): /.exec(error);
        lint.push({
          severity: "error",
          code: "template_syntax",
          message: error,
          file: error.startsWith("template.yaml") ? "template.yaml" : (m?.[1] ?? ""),
          line: m ? Number(m[2]) : undefined,
          column: m ? Number(m[3]) : undefined,
          stepId: s.id,
        });
      }
    }
    const contents = (await readDirectoryContents(workspace)).map((e) => ({
      ...e,
      executable: Boolean(e.executable),
    }));
    lint.push(
      ...lintRenderedFiles(
        contents.map((c) => ({ path: c.path, content: Buffer.from(c.base64Content, "base64") })),
      ),
    );
    return {
      status: result.status,
      error: result.error,
      directoryContents: contents,
      output: result.output,
      log,
      steps: result.steps.map((s) => ({
        id: s.id,
        name: s.name,
        action: s.action,
        status: s.status,
        error: s.error,
        durationMs: s.startedAt && s.endedAt ? Date.parse(s.endedAt) - Date.parse(s.startedAt) : undefined,
      })),
      lint,
    };
  } finally {
    if (!options.workspacePath) await rm(workspace, { recursive: true, force: true });
  }
}

/**
 * The API form: template files arrive as `directoryContents` and are written to a temp folder first.
 * With no files, a catalog template registered from a repository URL (its `backstage.io/managed-by-location`
 * is `url:…`) resolves relative `fetch:*` URLs against that URL, like a real run of it.
 */
export async function dryRunWithContents(
  options: Omit<DryRunOptions, "baseDir" | "baseUrl"> & { directoryContents: DirectoryEntry[] },
): Promise<DryRunResult> {
  const baseUrl =
    options.directoryContents.length === 0 && options.template && typeof options.template === "object"
      ? baseUrlOf(options.template as Parameters<typeof baseUrlOf>[0])
      : undefined;
  if (baseUrl) return dryRunTemplate({ ...options, baseUrl });
  const baseDir = await mkdtemp(path.join(tmpdir(), "portico-dry-run-template-"));
  try {
    await writeDirectoryContents(baseDir, options.directoryContents);
    let templateYaml = options.templateYaml;
    if (!templateYaml)
      templateYaml = await readFile(path.join(baseDir, "template.yaml"), "utf8").catch(() => undefined);
    return await dryRunTemplate({ ...options, baseDir, templateYaml });
  } finally {
    await rm(baseDir, { recursive: true, force: true });
  }
}

export { TemplateSyntaxError };
