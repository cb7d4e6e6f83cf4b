import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createActionRegistry } from "../actions/registry";
import type { TemplateAction } from "../actions/types";
import { parseTemplate } from "../model/template";
import { type LogEntry, runTemplate } from "../runner/run-template";

/** Runs an inline template's steps against a temp workspace (unit tests only). */
export async function runInline(options: {
  steps: unknown[];
  output?: Record<string, unknown>;
  values?: Record<string, unknown>;
  secrets?: Record<string, string>;
  baseDir?: string;
  extraActions?: TemplateAction[];
  isDryRun?: boolean;
  workspacePath?: string;
  limits?: { maxFiles: number; maxBytes: number };
}) {
  const template = parseTemplate({
    apiVersion: "scaffolder.backstage.io/v1beta3",
    kind: "Template",
    metadata: { name: "inline" },
    spec: { steps: options.steps, output: options.output },
  });
  const workspacePath = options.workspacePath ?? (await mkdtemp(path.join(tmpdir(), "scaffolder-unit-")));
  const logs: LogEntry[] = [];
  const result = await runTemplate({
    template,
    values: options.values ?? {},
    secrets: options.secrets ?? {},
    user: { ref: "user:default/guest" },
    taskId: "task-1",
    workspacePath,
    templateInfo: { baseDir: options.baseDir, entityRef: template.ref },
    registry: createActionRegistry(options.extraActions),
    services: { dataDir: path.join(workspacePath, "..", "data") },
    isDryRun: options.isDryRun ?? false,
    signal: new AbortController().signal,
    limits: options.limits,
    hooks: { log: (e) => void logs.push(e) },
  });
  return { result, logs, workspacePath, template };
}
