import type { TemplateFilter, TemplateValue } from "nunjitsu";
import { parseEntityRef as parseRef } from "@/lib/catalog/model/entity-ref";

type Rec = Readonly<Record<string, TemplateValue>>;

function isRecord(v: unknown): v is Rec {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set)
  );
}

/**
 * Backstage's RepoUrlPicker value `host?owner=o&repo=r[&organization=…&workspace=…&project=…]`.
 * Throws like Backstage when the value is not that shape, so a broken input fails the render loudly.
 */
export function parseRepoUrl(input: TemplateValue | undefined): Record<string, string> {
  if (typeof input !== "string" || input === "") throw new TypeError("parseRepoUrl expects a repoUrl string");
  let url: URL;
  try {
    url = new URL(`https://${input}`);
  } catch {
    throw new TypeError(`Invalid repo URL passed to parseRepoUrl, got ${input}`);
  }
  const out: Record<string, string> = { host: url.host };
  for (const key of ["owner", "repo", "organization", "workspace", "project"]) {
    const v = url.searchParams.get(key);
    if (v) out[key] = v;
  }
  if (!out.repo) throw new TypeError(`Invalid repo URL passed to parseRepoUrl, missing repo in ${input}`);
  return out;
}

/** `owner/repo` (or `workspace/project/repo` for Bitbucket-style values), as Backstage's projectSlug. */
export function projectSlug(input: TemplateValue | undefined): string {
  const { owner, repo, workspace, project, organization } = parseRepoUrl(input);
  if (owner) return `${owner}/${repo}`;
  if (workspace && project) return `${workspace}/${project}/${repo}`;
  if (organization && project) return `${organization}/${project}/${repo}`;
  return repo;
}

export function parseEntityRefFilter(
  input: TemplateValue | undefined,
  context?: TemplateValue | undefined,
): Record<string, string> {
  if (typeof input !== "string") throw new TypeError("parseEntityRef expects an entity reference string");
  const opts = isRecord(context) ? context : {};
  const defaultKind = typeof opts.defaultKind === "string" ? opts.defaultKind : undefined;
  const defaultNamespace = typeof opts.defaultNamespace === "string" ? opts.defaultNamespace : undefined;
  const ref = parseRef(input, { defaultKind, defaultNamespace });
  return { kind: ref.kind, namespace: ref.namespace, name: ref.name };
}

/** `pick(obj, "a.b")`: the value at a dotted path, own properties only. */
export function pick(
  input: TemplateValue | undefined,
  path?: TemplateValue | undefined,
): TemplateValue | undefined {
  if (typeof path !== "string") throw new TypeError("pick expects a dotted path string");
  let cur: TemplateValue | undefined = input;
  for (const segment of path.split(".")) {
    if (!isRecord(cur) || !Object.hasOwn(cur, segment)) return undefined;
    cur = cur[segment];
  }
  return cur;
}

/** Cookiecutter's `jsonify` (compat mode only in Backstage, harmless everywhere). */
function jsonify(input: TemplateValue | undefined): string {
  return JSON.stringify(input ?? null, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v));
}

export const scaffolderFilters: Readonly<Record<string, TemplateFilter>> = Object.freeze({
  parseRepoUrl,
  parseEntityRef: parseEntityRefFilter,
  pick,
  projectSlug,
  jsonify,
});
