import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readFile,
  readlink,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { minimatch } from "minimatch";
import type { TemplateContext } from "nunjitsu";
import { z } from "zod";
import { renderString, TemplateSyntaxError, toTemplateValue } from "../engine/renderer";
import { walkFiles } from "../workspace/directory-contents";
import { SafePathChecker, safeWorkspacePath } from "../workspace/safe-path";
import { isBinary, resolveFetchSource } from "./fetch-source";
import { type ActionContext, createTemplateAction } from "./types";

const inputSchema = z.object({
  url: z.string().min(1),
  targetPath: z.string().default("./"),
  values: z.record(z.string(), z.unknown()).default({}),
  copyWithoutRender: z.array(z.string()).optional(),
  copyWithoutTemplating: z.array(z.string()).optional(),
  cookiecutterCompat: z.boolean().default(false),
  templateFileExtension: z.union([z.string(), z.boolean()]).optional(),
  replace: z.boolean().default(false),
  trimBlocks: z.boolean().optional(),
  lstripBlocks: z.boolean().optional(),
  token: z.string().optional(),
});
type Input = z.output<typeof inputSchema>;

interface RenderFileOptions {
  context: TemplateContext;
  cookiecutterCompat: boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
}

function renderOrLocate(source: string, file: string, opts: RenderFileOptions): string {
  try {
    return renderString(source, opts.context, opts);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ""}` : "";
      throw new TemplateSyntaxError(
        `${file}${where}: ${error.message}`,
        error.line,
        error.column,
        file,
        error.limit,
      );
    }
    throw error;
  }
}

/** Renders each path segment; an empty segment means "skip this file" (Backstage's conditional files). */
function renderPath(rel: string, opts: RenderFileOptions): string | undefined {
  const out: string[] = [];
  for (const seg of rel.split("/")) {
    const r = renderOrLocate(seg, rel, opts);
    if (r.trim() === "") return undefined;
    out.push(r);
  }
  return out.join("/");
}

export async function fetchTemplateInto(
  ctx: ActionContext<unknown>,
  input: Input,
  singleFile: boolean,
): Promise<number> {
  const source = await resolveFetchSource(ctx, input.url);
  const targetRoot = await safeWorkspacePath(ctx.workspacePath, input.targetPath, "targetPath");
  const noRender = input.copyWithoutTemplating ?? input.copyWithoutRender ?? [];
  if (input.copyWithoutRender && input.copyWithoutTemplating)
    throw new Error("copyWithoutRender and copyWithoutTemplating cannot both be set");
  const ext = input.templateFileExtension === true ? ".njk" : input.templateFileExtension || undefined;
  const opts: RenderFileOptions = {
    context: toTemplateValue({
      [input.cookiecutterCompat ? "cookiecutter" : "values"]: input.values,
    }) as TemplateContext,
    cookiecutterCompat: input.cookiecutterCompat,
    trimBlocks: input.trimBlocks,
    lstripBlocks: input.lstripBlocks,
  };

  const files = singleFile
    ? [
        {
          path: path.basename(source),
          abs: source,
          executable: ((await stat(source)).mode & 0o111) !== 0,
          symlink: false,
          size: 0,
        },
      ]
    : await walkFiles(source);
  let written = 0;
  const checker = new SafePathChecker(ctx.workspacePath);
  for (const f of files) {
    ctx.signal.throwIfAborted();
    const verbatim = noRender.some((g) => minimatch(f.path, g, { dot: true }));
    let rel: string | undefined;
    if (singleFile) rel = "";
    else rel = verbatim ? f.path : renderPath(f.path, opts);
    if (rel === undefined) {
      ctx.logger.info(`Skipping ${f.path}: a path segment rendered empty`);
      continue;
    }
    let renderContent = !verbatim;
    if (ext && !singleFile) {
      if (rel.endsWith(ext)) rel = rel.slice(0, -ext.length);
      else renderContent = false;
    }
    const dest = singleFile
      ? targetRoot
      : await checker.resolve(path.join(path.relative(ctx.workspacePath, targetRoot), rel), "file path");
    await checker.ensureDir(path.dirname(dest));
    if (!input.replace && !f.symlink) {
      // One syscall instead of lstat + write: "wx" fails when the file exists.
      const data = await readFile(f.abs);
      const content =
        !renderContent || isBinary(data) ? data : renderOrLocate(data.toString("utf8"), f.path, opts);
      try {
        await writeFile(dest, content, { flag: "wx", mode: f.executable ? 0o755 : 0o644 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        ctx.logger.info(`Keeping existing ${path.relative(ctx.workspacePath, dest)} (replace is false)`);
        continue;
      }
      if (f.executable) await chmod(dest, 0o755);
      written++;
      continue;
    }
    const exists = await lstat(dest).then(
      () => true,
      () => false,
    );
    if (exists && !input.replace) {
      ctx.logger.info(`Keeping existing ${path.relative(ctx.workspacePath, dest)} (replace is false)`);
      continue;
    }
    if (f.symlink) {
      const link = await readlink(f.abs);
      const resolved = path.resolve(path.dirname(dest), link);
      const back = path.relative(ctx.workspacePath, resolved);
      if (path.isAbsolute(link) || back.startsWith("..")) {
        throw new Error(`Symlink ${f.path} -> ${link} points outside the workspace`);
      }
      await symlink(link, dest);
      written++;
      continue;
    }
    const data = await readFile(f.abs);
    if (!renderContent || isBinary(data)) {
      await copyFile(f.abs, dest);
    } else {
      await writeFile(dest, renderOrLocate(data.toString("utf8"), f.path, opts));
    }
    if (f.executable) await chmod(dest, 0o755);
    written++;
  }
  return written;
}

export const fetchTemplateAction = createTemplateAction({
  id: "fetch:template",
  description:
    "Copies a skeleton folder into the workspace, rendering file names, folder names and contents with `values` (`cookiecutter` in compat mode).",
  schema: { input: inputSchema, output: z.object({}) },
  supportsDryRun: true,
  examples: [
    {
      description: "Render ./skeleton into the workspace root",
      example:
        "action: fetch:template\ninput:\n  url: ./skeleton\n  values:\n    name: ${{ parameters.name }}",
    },
  ],
  async handler(ctx) {
    const n = await fetchTemplateInto(ctx, ctx.input, false);
    ctx.logger.info(`Rendered ${n} files from ${ctx.input.url}`);
  },
});

const fileInputSchema = inputSchema
  .omit({
    targetPath: true,
    copyWithoutRender: true,
    copyWithoutTemplating: true,
    templateFileExtension: true,
  })
  .extend({ targetPath: z.string().min(1) });

export const fetchTemplateFileAction = createTemplateAction({
  id: "fetch:template:file",
  description: "Renders one template file into `targetPath`.",
  schema: { input: fileInputSchema, output: z.object({}) },
  supportsDryRun: true,
  examples: [
    {
      description: "Render one file",
      example:
        "action: fetch:template:file\ninput:\n  url: ./files/README.md\n  targetPath: README.md\n  values: {}",
    },
  ],
  async handler(ctx) {
    await fetchTemplateInto(
      ctx,
      { ...ctx.input, copyWithoutRender: undefined, copyWithoutTemplating: undefined },
      true,
    );
    ctx.logger.info(`Rendered ${ctx.input.url} to ${ctx.input.targetPath}`);
  },
});
