import { catalogFetchAction, catalogRegisterAction, catalogWriteAction } from "./catalog";
import { debugLogAction, debugWaitAction } from "./debug";
import { fetchPlainAction, fetchPlainFileAction } from "./fetch-plain";
import { fetchTemplateAction, fetchTemplateFileAction } from "./fetch-template";
import { fsDeleteAction, fsRenameAction } from "./fs";
import { publishGitAction } from "./publish-git";
import { publishGithubAction, publishGithubPullRequestAction } from "./publish-github";
import type { TemplateAction } from "./types";

export type ActionRegistry = ReadonlyMap<string, TemplateAction>;

export const BUILTIN_ACTIONS: readonly TemplateAction[] = [
  fetchTemplateAction,
  fetchTemplateFileAction,
  fetchPlainAction,
  fetchPlainFileAction,
  debugLogAction,
  debugWaitAction,
  fsDeleteAction,
  fsRenameAction,
  catalogWriteAction,
  catalogFetchAction,
  catalogRegisterAction,
  publishGitAction,
  publishGithubAction,
  publishGithubPullRequestAction,
];

export function createActionRegistry(extra: readonly TemplateAction[] = []): ActionRegistry {
  return new Map([...BUILTIN_ACTIONS, ...extra].map((a) => [a.id, a]));
}

/** Every action a template uses that the registry lacks, in step order. */
export function missingActions(registry: ActionRegistry, actions: readonly string[]): string[] {
  return [...new Set(actions.filter((a) => !registry.has(a)))];
}
