import { chmod, copyFile, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { walkFiles } from "../workspace/directory-contents";
import { safeWorkspacePath } from "../workspace/safe-path";
import { resolveFetchSource } from "./fetch-source";
import { createTemplateAction } from "./types";

export const fetchPlainAction = createTemplateAction({
  id: "fetch:plain",
  description: "Copies a folder into the workspace without rendering anything.",
  schema: {
    input: z.object({
      url: z.string().min(1),
      targetPath: z.string().default("./"),
      token: z.string().optional(),
    }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Copy static files",
      example: "action: fetch:plain\ninput:\n  url: ./static\n  targetPath: ./static",
    },
  ],
  async handler(ctx) {
    const source = await resolveFetchSource(ctx, ctx.input.url);
    const target = await safeWorkspacePath(ctx.workspacePath, ctx.input.targetPath, "targetPath");
    const files = (await stat(source)).isDirectory()
      ? await walkFiles(source)
      : [{ path: path.basename(source), abs: source, executable: false, symlink: false, size: 0 }];
    let n = 0;
    for (const f of files) {
      if (f.symlink) continue;
      const dest = await safeWorkspacePath(
        ctx.workspacePath,
        path.join(path.relative(ctx.workspacePath, target), f.path),
      );
      await mkdir(path.dirname(dest), { recursive: true });
      await copyFile(f.abs, dest);
      if (f.executable || ((await stat(f.abs)).mode & 0o111) !== 0) await chmod(dest, 0o755);
      n++;
    }
    ctx.logger.info(`Copied ${n} files from ${ctx.input.url}`);
  },
});

export const fetchPlainFileAction = createTemplateAction({
  id: "fetch:plain:file",
  description: "Copies one file into the workspace at `targetPath`.",
  schema: {
    input: z.object({ url: z.string().min(1), targetPath: z.string().min(1), token: z.string().optional() }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Copy a licence",
      example: "action: fetch:plain:file\ninput:\n  url: ./LICENSE\n  targetPath: LICENSE",
    },
  ],
  async handler(ctx) {
    const source = await resolveFetchSource(ctx, ctx.input.url);
    if (!(await stat(source)).isFile()) throw new Error(`url "${ctx.input.url}" is not a file`);
    const dest = await safeWorkspacePath(ctx.workspacePath, ctx.input.targetPath, "targetPath");
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(source, dest);
    if (((await stat(source)).mode & 0o111) !== 0) await chmod(dest, 0o755);
  },
});
