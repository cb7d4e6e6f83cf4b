import fs from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import git from "isomorphic-git";
import http from "isomorphic-git/http/node";

export interface PushOptions {
  workspace: string;
  remoteUrl: string;
  branch: string;
  message: string;
  author: { name: string; email: string };
  auth?: { username: string; password: string };
  signal?: AbortSignal;
}

/**
 * Commits the workspace in a throwaway git dir and pushes it to `remoteUrl` over smart HTTP.
 * The workspace itself gets no `.git`, so nothing extra ends up in later steps or dry-run output.
 */
export async function pushWorkspace(options: PushOptions): Promise<{ commitHash: string }> {
  const gitdir = await mkdtemp(path.join(tmpdir(), "portico-push-"));
  try {
    const dir = options.workspace;
    await git.init({ fs, dir, gitdir, defaultBranch: options.branch });
    await git.add({ fs, dir, gitdir, filepath: "." });
    const commitHash = await git.commit({
      fs,
      dir,
      gitdir,
      message: options.message,
      author: options.author,
    });
    options.signal?.throwIfAborted();
    const result = await git.push({
      fs,
      http,
      dir,
      gitdir,
      url: options.remoteUrl,
      ref: options.branch,
      remoteRef: `refs/heads/${options.branch}`,
      onAuth: options.auth ? () => options.auth : undefined,
    });
    if (!result.ok) throw new Error(`git push to ${options.remoteUrl} failed: ${result.error ?? "rejected"}`);
    return { commitHash };
  } finally {
    await rm(gitdir, { recursive: true, force: true });
  }
}
