import fs from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import git from "isomorphic-git";

/** The RepoUrlPicker host that selects the embedded publisher: `portico.local?owner=o&repo=r`. */
export const EMBEDDED_GIT_HOST = "portico.local";

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Bare repositories under `<dataDir>/scaffolder/git/<owner>/<repo>.git`: the zero-account
 * default publisher, like the embedded PGlite. On a multi-replica deployment point templates
 * at a real remote (`publish:git` with `remoteUrl`, or `publish:github`) instead.
 */
export function embeddedGitRoot(dataDir: string): string {
  return path.resolve(dataDir, "scaffolder", "git");
}

export function embeddedRepoDir(dataDir: string, owner: string, repo: string): string {
  if (!NAME.test(owner) || owner.includes("..")) throw new Error(`Invalid repository owner "${owner}"`);
  if (!NAME.test(repo) || repo.includes("..")) throw new Error(`Invalid repository name "${repo}"`);
  return path.join(embeddedGitRoot(dataDir), owner, `${repo}.git`);
}

/** Catalog location target (type `git`) for a file in an embedded repository. */
export function embeddedGitTarget(repoDir: string, ref: string, filePath: string): string {
  return `${repoDir}/blob/${ref}/${filePath.replace(/^\/+/, "")}`;
}

export interface CommitResult {
  commitHash: string;
  created: boolean;
}

/**
 * Commits the workspace as the next commit of `branch` in the bare repository, using the bare
 * repository itself as the git dir (isomorphic-git cannot push to a local path).
 */
export async function commitWorkspaceToBare(options: {
  repoDir: string;
  workspace: string;
  branch: string;
  message: string;
  author: { name: string; email: string };
  failIfExists?: boolean;
}): Promise<CommitResult> {
  const { repoDir, workspace, branch } = options;
  const exists = await stat(path.join(repoDir, "HEAD")).then(
    () => true,
    () => false,
  );
  if (exists && options.failIfExists) throw new Error(`Repository ${path.basename(repoDir)} already exists`);
  if (!exists) {
    await mkdir(repoDir, { recursive: true });
    await git.init({ fs, dir: workspace, gitdir: repoDir, bare: true, defaultBranch: branch });
  }
  let parent: string | undefined;
  try {
    parent = await git.resolveRef({ fs, gitdir: repoDir, ref: `refs/heads/${branch}` });
  } catch {
    parent = undefined;
  }
  // Stage the whole workspace (deletions included) into the bare repo's index.
  await git.statusMatrix({ fs, dir: workspace, gitdir: repoDir }).then(async (rows) => {
    for (const [file, , work] of rows) {
      if (work === 0) await git.remove({ fs, dir: workspace, gitdir: repoDir, filepath: file });
    }
  });
  await git.add({ fs, dir: workspace, gitdir: repoDir, filepath: "." });
  const commitHash = await git.commit({
    fs,
    dir: workspace,
    gitdir: repoDir,
    ref: `refs/heads/${branch}`,
    message: options.message,
    author: options.author,
    parent: parent ? [parent] : [],
  });
  return { commitHash, created: !exists };
}
