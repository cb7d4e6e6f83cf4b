import { lstat, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { safeWorkspacePath } from "../workspace/safe-path";
import { createTemplateAction } from "./types";

export const fsDeleteAction = createTemplateAction({
  id: "fs:delete",
  description: "Deletes files or folders from the workspace.",
  schema: { input: z.object({ files: z.array(z.string().min(1)).min(1) }), output: z.object({}) },
  supportsDryRun: true,
  examples: [
    { description: "Remove a file", example: "action: fs:delete\ninput:\n  files:\n    - ./unused.md" },
  ],
  async handler(ctx) {
    // Check every path first so one bad entry deletes nothing.
    const targets = await Promise.all(
      ctx.input.files.map((f) => safeWorkspacePath(ctx.workspacePath, f, "files")),
    );
    for (const [i, t] of targets.entries()) {
      if (t === ctx.workspacePath) throw new Error("fs:delete cannot delete the workspace itself");
      await rm(t, { recursive: true, force: true });
      ctx.logger.info(`Deleted ${ctx.input.files[i]}`);
    }
  },
});

export const fsRenameAction = createTemplateAction({
  id: "fs:rename",
  description: "Renames (moves) files or folders inside the workspace.",
  schema: {
    input: z.object({
      files: z
        .array(
          z.object({ from: z.string().min(1), to: z.string().min(1), overwrite: z.boolean().optional() }),
        )
        .min(1),
    }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Rename a file",
      example: "action: fs:rename\ninput:\n  files:\n    - from: a.txt\n      to: b.txt",
    },
  ],
  async handler(ctx) {
    const moves = await Promise.all(
      ctx.input.files.map(async (f) => ({
        ...f,
        src: await safeWorkspacePath(ctx.workspacePath, f.from, "from"),
        dest: await safeWorkspacePath(ctx.workspacePath, f.to, "to"),
      })),
    );
    for (const m of moves) {
      await lstat(m.src).catch(() => {
        throw new Error(`fs:rename: ${m.from} does not exist`);
      });
      const exists = await lstat(m.dest).then(
        () => true,
        () => false,
      );
      if (exists && !m.overwrite) throw new Error(`fs:rename: ${m.to} already exists (set overwrite: true)`);
      if (exists) await rm(m.dest, { recursive: true, force: true });
      await mkdir(path.dirname(m.dest), { recursive: true });
      await rename(m.src, m.dest);
      ctx.logger.info(`Renamed ${m.from} to ${m.to}`);
    }
  },
});
