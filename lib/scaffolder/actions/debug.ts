import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { walkFiles } from "../workspace/directory-contents";
import { createTemplateAction } from "./types";

export const debugLogAction = createTemplateAction({
  id: "debug:log",
  description: "Writes a message to the task log and optionally lists the workspace.",
  schema: {
    input: z.object({
      message: z.string().optional(),
      listWorkspace: z.union([z.boolean(), z.enum(["with-filenames", "with-contents"])]).optional(),
    }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Log a message",
      example: "action: debug:log\ninput:\n  message: Hello ${{ parameters.name }}",
    },
  ],
  async handler(ctx) {
    if (ctx.input.message) ctx.logger.info(ctx.input.message);
    if (ctx.input.listWorkspace) {
      const files = await walkFiles(ctx.workspacePath);
      ctx.logger.info(`Workspace:\n${files.map((f) => `  ${f.path}`).join("\n")}`);
    }
  },
});

export const debugWaitAction = createTemplateAction({
  id: "debug:wait",
  description: "Waits for the given time (at most 10 minutes); cancelling the task interrupts it.",
  schema: {
    input: z
      .object({
        minutes: z.number().min(0).optional(),
        seconds: z.number().min(0).optional(),
        milliseconds: z.number().min(0).optional(),
      })
      .refine((i) => (i.minutes ?? 0) * 60_000 + (i.seconds ?? 0) * 1000 + (i.milliseconds ?? 0) <= 600_000, {
        message: "must wait at most 10 minutes",
      }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [{ description: "Wait five seconds", example: "action: debug:wait\ninput:\n  seconds: 5" }],
  async handler(ctx) {
    const ms =
      (ctx.input.minutes ?? 0) * 60_000 + (ctx.input.seconds ?? 0) * 1000 + (ctx.input.milliseconds ?? 0);
    ctx.logger.info(`Waiting ${ms} ms`);
    await sleep(ctx.isDryRun ? Math.min(ms, 50) : ms, undefined, { signal: ctx.signal });
  },
});
