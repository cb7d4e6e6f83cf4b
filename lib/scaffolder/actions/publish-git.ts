import { z } from "zod";
import { parseRepoUrl } from "../engine/filters";
import {
  commitWorkspaceToBare,
  EMBEDDED_GIT_HOST,
  embeddedGitTarget,
  embeddedRepoDir,
} from "../git/embedded-repos";
import { pushWorkspace } from "../git/push-workspace";
import { safeWorkspacePath } from "../workspace/safe-path";
import { annotateCatalogInfoFile, sourceAnnotations } from "./source-annotations";
import { createTemplateAction } from "./types";

const input = z.object({
  repoUrl: z
    .string()
    .min(1)
    .describe("RepoUrlPicker value; host `portico.local` selects the embedded repositories"),
  remoteUrl: z
    .string()
    .url()
    .optional()
    .describe("Push to this http(s) git remote instead of the embedded one"),
  defaultBranch: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default("main"),
  description: z.string().optional(),
  gitCommitMessage: z.string().default("Initial commit"),
  gitAuthorName: z.string().default("Portico Scaffolder"),
  gitAuthorEmail: z.string().default("scaffolder@portico.local"),
  sourcePath: z.string().optional(),
  catalogInfoPath: z.string().default("catalog-info.yaml"),
  token: z.string().optional(),
});

export const publishGitAction = createTemplateAction({
  id: "publish:git",
  description:
    "Publishes the workspace as a git repository: the embedded bare repositories under the data directory (host portico.local, no account needed) or any http(s) git remote.",
  schema: {
    input,
    output: z.object({ remoteUrl: z.string(), repoContentsUrl: z.string(), commitHash: z.string() }),
  },
  supportsDryRun: false,
  dryRunOutput: () => ({
    remoteUrl: "file:///dry-run/repo.git",
    repoContentsUrl: "git:/dry-run/repo.git/blob/main",
    commitHash: "0000000000000000000000000000000000000000",
  }),
  examples: [
    {
      description: "Publish to the embedded git server",
      example:
        "action: publish:git\ninput:\n  repoUrl: portico.local?owner=platform&repo=${{ parameters.name }}",
    },
  ],
  async handler(ctx) {
    const i = ctx.input;
    const workspace = i.sourcePath
      ? await safeWorkspacePath(ctx.workspacePath, i.sourcePath, "sourcePath")
      : ctx.workspacePath;
    await annotateCatalogInfoFile(
      workspace,
      i.catalogInfoPath,
      sourceAnnotations(ctx.templateInfo, ctx.values),
    );
    const author = { name: i.gitAuthorName, email: i.gitAuthorEmail };
    const { host, owner, repo } = parseRepoUrl(i.repoUrl);
    if (i.remoteUrl) {
      const u = new URL(i.remoteUrl);
      if (u.protocol !== "https:" && !(ctx.services.allowInsecureGit && u.protocol === "http:"))
        throw new Error("remoteUrl must be https://");
      const token = i.token ?? ctx.services.integrationTokens?.[u.host];
      const { commitHash } = await ctx.checkpoint(`publish:git:${i.remoteUrl}`, () =>
        pushWorkspace({
          workspace,
          remoteUrl: i.remoteUrl as string,
          branch: i.defaultBranch,
          message: i.gitCommitMessage,
          author,
          auth: token ? { username: "x-access-token", password: token } : undefined,
          signal: ctx.signal,
        }),
      );
      ctx.output("remoteUrl", i.remoteUrl);
      ctx.output("repoContentsUrl", `${i.remoteUrl.replace(/\.git$/, "")}/blob/${i.defaultBranch}`);
      ctx.output("commitHash", commitHash);
      return;
    }
    if (host !== EMBEDDED_GIT_HOST) {
      throw new Error(
        `publish:git publishes to ${EMBEDDED_GIT_HOST} or a remoteUrl; got host ${host} (use publish:github for GitHub)`,
      );
    }
    if (!owner) throw new Error("repoUrl needs an owner");
    const repoDir = embeddedRepoDir(ctx.services.dataDir, owner, repo);
    const { commitHash, created } = await ctx.checkpoint(`publish:git:${repoDir}`, () =>
      commitWorkspaceToBare({
        repoDir,
        workspace,
        branch: i.defaultBranch,
        message: i.gitCommitMessage,
        author,
        failIfExists: true,
      }),
    );
    ctx.logger.info(`${created ? "Created" : "Updated"} ${owner}/${repo} at ${commitHash.slice(0, 8)}`);
    ctx.output("remoteUrl", `file://${repoDir}`);
    ctx.output(
      "repoContentsUrl",
      `git:${embeddedGitTarget(repoDir, i.defaultBranch, "").replace(/\/$/, "")}`,
    );
    ctx.output("commitHash", commitHash);
  },
});
