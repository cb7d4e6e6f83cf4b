import { lookup } from "node:dns/promises";
import fs from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import git from "isomorphic-git";
import http from "isomorphic-git/http/node";
import { isHostAllowed, isPrivateAddress } from "@/lib/catalog/ingest/network-guard";
import { resolveSafePath } from "../workspace/safe-path";

/** Which remote hosts `fetch:*` may read: the catalog's URL allowlist, so one list governs every read. */
export interface RemoteFetchPolicy {
  allowedHosts: readonly string[];
  /** Loopback/private addresses (local development and tests only). */
  allowPrivateNetwork?: boolean;
}

export interface RepoTreeUrl {
  cloneUrl: string;
  ref: string;
  /** Path inside the repository ("" for its root). */
  path: string;
}

/**
 * GitHub/Gitea-style `https://host/owner/repo/tree|blob/<ref>/<path>` and GitLab-style `…/-/tree/…`.
 * Backstage reads these through its SCM integrations; Portico clones the one ref shallowly over smart
 * HTTP instead, which works for any git host. A ref containing `/` is not supported (ambiguous).
 */
export function parseRepoTreeUrl(raw: string): RepoTreeUrl | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const parts = url.pathname.split("/").filter(Boolean);
  const at = parts.findIndex((p, i) => i >= 2 && (p === "tree" || p === "blob"));
  if (at < 2 || parts.length < at + 2) return undefined;
  const repoParts = parts.slice(0, at).filter((p) => p !== "-");
  if (repoParts.length < 2) return undefined;
  const repoPath = repoParts.join("/").replace(/\.git$/, "");
  return {
    cloneUrl: `${url.protocol}//${url.host}/${repoPath}.git`,
    ref: decodeURIComponent(parts[at + 1]),
    path: parts
      .slice(at + 2)
      .map((p) => decodeURIComponent(p))
      .join("/"),
  };
}

async function assertHostReadable(url: URL, policy: RemoteFetchPolicy | undefined): Promise<void> {
  if (url.protocol !== "https:" && !(policy?.allowPrivateNetwork && url.protocol === "http:"))
    throw new Error(`Fetching ${url.origin} is refused: only https URLs can be fetched`);
  if (!policy || !isHostAllowed(url, policy.allowedHosts))
    throw new Error(
      `Fetching from ${url.host} is not allowed: add it to PORTICO_CATALOG_URL_ALLOWLIST to let templates read it`,
    );
  if (policy.allowPrivateNetwork) return;
  // Checked before connecting; isomorphic-git resolves again, so a rebinding DNS server could still
  // switch addresses in between — the allowlist is the real boundary.
  const addresses = await lookup(url.hostname, { all: true });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad || addresses.length === 0)
    throw new Error(`Fetching from ${url.host} is refused: it resolves to a private address`);
}

/**
 * Clones the ref of a repository tree URL into `dir` (no `.git` left there) and returns the absolute
 * path of the file or folder the URL names, which stays inside `dir`.
 */
export async function fetchRemoteTree(options: {
  url: string;
  dir: string;
  gitdir: string;
  policy?: RemoteFetchPolicy;
  token?: string;
}): Promise<string> {
  const tree = parseRepoTreeUrl(options.url);
  if (!tree)
    throw new Error(
      `Cannot fetch ${options.url}: only repository tree/blob URLs (https://host/owner/repo/tree/<ref>/<path>) can be fetched`,
    );
  await assertHostReadable(new URL(tree.cloneUrl), options.policy);
  await mkdir(options.dir, { recursive: true });
  try {
    await git.clone({
      fs,
      http,
      dir: options.dir,
      gitdir: options.gitdir,
      url: tree.cloneUrl,
      ref: tree.ref,
      singleBranch: true,
      depth: 1,
      noTags: true,
      onAuth: options.token ? () => ({ username: "x-access-token", password: options.token }) : undefined,
    });
  } catch (error) {
    throw new Error(`Could not fetch ${options.url}: ${(error as Error).message}`);
  }
  const target = tree.path ? resolveSafePath(options.dir, tree.path, "url") : options.dir;
  try {
    await stat(target);
  } catch {
    throw new Error(`url "${options.url}": ${tree.path} does not exist at ${tree.ref}`);
  }
  return target;
}

/** `./skeleton` against a template whose template.yaml is at a tree/blob URL: the same ref, a sibling path. */
export function resolveAgainstTemplateUrl(baseUrl: string, relative: string): string {
  const tree = parseRepoTreeUrl(baseUrl);
  if (!tree) return new URL(relative, baseUrl).toString();
  const parsed = new URL(baseUrl);
  const dirUrl = new URL(".", new URL(parsed.pathname.replace("/blob/", "/tree/"), parsed.origin));
  return new URL(relative.replace(/^\.\/?$/, "./"), dirUrl).toString().replace(/\/$/, "");
}
