import fs from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import git from "isomorphic-git";
import http from "isomorphic-git/http/node";
import { z } from "zod";
import { parseRepoUrl } from "../engine/filters";
import { pushWorkspace } from "../git/push-workspace";
import { resolveSafePath, safeWorkspacePath } from "../workspace/safe-path";
import { annotateCatalogInfoFile, sourceAnnotations } from "./source-annotations";
import { type ActionContext, createTemplateAction } from "./types";

function githubTarget(ctx: ActionContext<unknown>, repoUrl: string, token: string | undefined) {
  const { host, owner, repo } = parseRepoUrl(repoUrl);
  if (!owner) throw new Error(`repoUrl ${repoUrl} has no owner`);
  const allowed = ctx.services.githubHosts ?? ["github.com"];
  if (!allowed.includes(host))
    throw new Error(`Host ${host} is not an allowed GitHub host (${allowed.join(", ")})`);
  const auth = token ?? ctx.services.integrationTokens?.[host];
  if (!auth) throw new Error(`No GitHub token for ${host}: pass input.token or configure an integration`);
  const baseUrl =
    ctx.services.githubApiUrl ??
    (host === "github.com" ? "https://api.github.com" : `https://${host}/api/v3`);
  return {
    host,
    owner,
    repo,
    token: auth,
    octokit: new Octokit({ auth, baseUrl, request: { signal: ctx.signal } }),
  };
}

const author = (i: { gitAuthorName?: string; gitAuthorEmail?: string }) => ({
  name: i.gitAuthorName ?? "Portico Scaffolder",
  email: i.gitAuthorEmail ?? "scaffolder@portico.local",
});

const publishInput = z.object({
  repoUrl: z.string().min(1),
  description: z.string().optional(),
  homepage: z.string().optional(),
  defaultBranch: z.string().default("main"),
  repoVisibility: z.enum(["private", "internal", "public"]).default("private"),
  topics: z.array(z.string()).optional(),
  gitCommitMessage: z.string().default("Initial commit"),
  gitAuthorName: z.string().optional(),
  gitAuthorEmail: z.string().optional(),
  sourcePath: z.string().optional(),
  token: z.string().optional(),
  allowedHosts: z.array(z.string()).optional(),
  catalogInfoPath: z.string().default("catalog-info.yaml"),
});

export const publishGithubAction = createTemplateAction({
  id: "publish:github",
  description:
    "Creates a GitHub repository (description, topics, default branch, visibility) with Octokit and pushes the workspace to it.",
  schema: {
    input: publishInput,
    output: z.object({ remoteUrl: z.string(), repoContentsUrl: z.string(), commitHash: z.string() }),
  },
  supportsDryRun: false,
  dryRunOutput: (i) => {
    const { host, owner, repo } = parseRepoUrl(i.repoUrl);
    return {
      remoteUrl: `https://${host}/${owner}/${repo}`,
      repoContentsUrl: `https://${host}/${owner}/${repo}/blob/${i.defaultBranch}`,
      commitHash: "0000000000000000000000000000000000000000",
    };
  },
  examples: [
    {
      description: "Publish to GitHub",
      example:
        "action: publish:github\ninput:\n  repoUrl: github.com?owner=acme&repo=${{ parameters.name }}\n  repoVisibility: internal\n  topics: [service]",
    },
  ],
  async handler(ctx) {
    const i = ctx.input;
    if (i.allowedHosts && !i.allowedHosts.includes(parseRepoUrl(i.repoUrl).host))
      throw new Error(`Host ${parseRepoUrl(i.repoUrl).host} is not in allowedHosts`);
    const t = githubTarget(ctx, i.repoUrl, i.token);
    const workspace = i.sourcePath
      ? await safeWorkspacePath(ctx.workspacePath, i.sourcePath, "sourcePath")
      : ctx.workspacePath;
    await annotateCatalogInfoFile(
      workspace,
      i.catalogInfoPath,
      sourceAnnotations(ctx.templateInfo, ctx.values),
    );
    const created = await ctx.checkpoint(`publish:github:create:${t.owner}/${t.repo}`, async () => {
      const { data: owner } = await t.octokit.rest.users.getByUsername({ username: t.owner });
      const common = {
        name: t.repo,
        description: i.description,
        homepage: i.homepage,
        private: i.repoVisibility !== "public",
      };
      const { data } =
        owner.type === "Organization"
          ? await t.octokit.rest.repos.createInOrg({
              org: t.owner,
              ...common,
              visibility: i.repoVisibility as "private" | "public",
            })
          : await t.octokit.rest.repos.createForAuthenticatedUser(common);
      if (i.topics?.length)
        await t.octokit.rest.repos.replaceAllTopics({ owner: t.owner, repo: t.repo, names: i.topics });
      return { cloneUrl: data.clone_url, htmlUrl: data.html_url };
    });
    ctx.logger.info(`Created repository ${created.htmlUrl}`);
    const { commitHash } = await ctx.checkpoint(`publish:github:push:${t.owner}/${t.repo}`, () =>
      pushWorkspace({
        workspace,
        remoteUrl: created.cloneUrl,
        branch: i.defaultBranch,
        message: i.gitCommitMessage,
        author: author(i),
        auth: { username: "x-access-token", password: t.token },
        signal: ctx.signal,
      }),
    );
    if (i.defaultBranch !== "main" && i.defaultBranch !== "master") {
      await t.octokit.rest.repos.update({ owner: t.owner, repo: t.repo, default_branch: i.defaultBranch });
    }
    ctx.output("remoteUrl", created.htmlUrl);
    ctx.output("repoContentsUrl", `${created.htmlUrl}/blob/${i.defaultBranch}`);
    ctx.output("commitHash", commitHash);
  },
});

export const publishGithubPullRequestAction = createTemplateAction({
  id: "publish:github:pull-request",
  description:
    "Opens a pull request on an existing GitHub repository with the workspace's files under `targetPath`.",
  schema: {
    input: z.object({
      repoUrl: z.string().min(1),
      branchName: z.string().regex(/^[A-Za-z0-9._/-]+$/),
      title: z.string().min(1),
      description: z.string().default(""),
      targetBranchName: z.string().optional(),
      targetPath: z.string().default("."),
      sourcePath: z.string().optional(),
      draft: z.boolean().optional(),
      gitCommitMessage: z.string().optional(),
      gitAuthorName: z.string().optional(),
      gitAuthorEmail: z.string().optional(),
      token: z.string().optional(),
    }),
    output: z.object({ remoteUrl: z.string(), pullRequestNumber: z.number(), targetBranchName: z.string() }),
  },
  supportsDryRun: false,
  dryRunOutput: () => ({
    remoteUrl: "https://github.com/dry-run/pull/1",
    pullRequestNumber: 1,
    targetBranchName: "main",
  }),
  examples: [
    {
      description: "Propose a change",
      example:
        "action: publish:github:pull-request\ninput:\n  repoUrl: github.com?owner=acme&repo=infra\n  branchName: add-${{ parameters.name }}\n  title: Add ${{ parameters.name }}\n  targetPath: services/${{ parameters.name }}",
    },
  ],
  async handler(ctx) {
    const i = ctx.input;
    const t = githubTarget(ctx, i.repoUrl, i.token);
    const { data: repo } = await t.octokit.rest.repos.get({ owner: t.owner, repo: t.repo });
    const base = i.targetBranchName ?? repo.default_branch;
    const source = i.sourcePath
      ? await safeWorkspacePath(ctx.workspacePath, i.sourcePath, "sourcePath")
      : ctx.workspacePath;
    const dir = await mkdtemp(path.join(tmpdir(), "portico-pr-"));
    try {
      const onAuth = () => ({ username: "x-access-token", password: t.token });
      await git.clone({
        fs,
        http,
        dir,
        url: repo.clone_url,
        ref: base,
        singleBranch: true,
        depth: 1,
        onAuth,
      });
      await git.branch({ fs, dir, ref: i.branchName, checkout: true });
      const dest = resolveSafePath(dir, i.targetPath, "targetPath");
      await cp(source, dest, { recursive: true, filter: (src) => path.basename(src) !== ".git" });
      await git.add({ fs, dir, filepath: "." });
      await git.commit({ fs, dir, message: i.gitCommitMessage ?? i.title, author: author(i) });
      await git.push({ fs, http, dir, ref: i.branchName, remoteRef: `refs/heads/${i.branchName}`, onAuth });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const { data: pr } = await t.octokit.rest.pulls.create({
      owner: t.owner,
      repo: t.repo,
      head: i.branchName,
      base,
      title: i.title,
      body: i.description,
      draft: i.draft,
    });
    ctx.output("remoteUrl", pr.html_url);
    ctx.output("pullRequestNumber", pr.number);
    ctx.output("targetBranchName", base);
  },
});
