/** RepoUrlPicker's value format, Backstage's: `host?owner=o&repo=r` (plus organization/workspace/project). */

export interface RepoUrlParts {
  host: string;
  owner?: string;
  repo?: string;
  organization?: string;
  workspace?: string;
  project?: string;
}

const KEYS = ["owner", "repo", "organization", "workspace", "project"] as const;

export function parseRepoUrl(value: string | undefined): RepoUrlParts {
  if (!value) return { host: "" };
  const q = value.indexOf("?");
  const host = q < 0 ? value : value.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : value.slice(q + 1));
  const parts: RepoUrlParts = { host };
  for (const key of KEYS) {
    const v = params.get(key);
    if (v) parts[key] = v;
  }
  return parts;
}

export function serializeRepoUrl(parts: RepoUrlParts): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const v = parts[key];
    if (v) params.set(key, v);
  }
  const qs = params.toString();
  return qs ? `${parts.host}?${qs}` : parts.host;
}

/** Problems with a RepoUrlPicker value, for the form's custom validation. */
export function repoUrlProblems(
  value: string | undefined,
  options: { allowedHosts?: string[]; allowedOwners?: string[]; allowedRepos?: string[] } = {},
): string[] {
  const parts = parseRepoUrl(value);
  const problems: string[] = [];
  if (!parts.host) problems.push("choose a host");
  else if (options.allowedHosts?.length && !options.allowedHosts.includes(parts.host))
    problems.push(`host must be one of ${options.allowedHosts.join(", ")}`);
  if (!parts.owner) problems.push("enter an owner");
  else if (options.allowedOwners?.length && !options.allowedOwners.includes(parts.owner))
    problems.push(`owner must be one of ${options.allowedOwners.join(", ")}`);
  if (!parts.repo) problems.push("enter a repository name");
  else if (!/^[A-Za-z0-9._-]{1,100}$/.test(parts.repo))
    problems.push("repository name may only contain letters, digits, '.', '_' and '-'");
  else if (options.allowedRepos?.length && !options.allowedRepos.includes(parts.repo))
    problems.push(`repository must be one of ${options.allowedRepos.join(", ")}`);
  return problems;
}
