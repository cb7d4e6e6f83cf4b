import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTemplateAction } from "../actions/types";
import { runInline } from "../testing/run-inline";

const echo = createTemplateAction({
  id: "test:echo",
  description: "echo",
  schema: { input: z.object({ value: z.unknown().optional(), n: z.number().optional() }).loose() },
  examples: [],
  supportsDryRun: true,
  async handler(ctx) {
    ctx.logger.info(`echo ${JSON.stringify(ctx.input)}`);
    ctx.output("value", ctx.input.value);
  },
});

describe("runTemplate", () => {
  it("defaults step ids to step-N and passes typed outputs between steps", async () => {
    const { result } = await runInline({
      extraActions: [echo],
      values: { port: 8080 },
      steps: [
        { action: "test:echo", input: { value: "${{ parameters.port }}" } },
        { id: "b-c", action: "test:echo", input: { value: "${{ steps['step-1'].output.value + 1 }}" } },
      ],
      output: { n: "${{ steps['b-c'].output.value }}" },
    });
    expect(result.status).toBe("completed");
    expect(result.steps.map((s) => s.id)).toEqual(["step-1", "b-c"]);
    expect(result.output).toEqual({ n: 8081 });
  });

  it("skips steps whose if is falsy and keeps if out of output items", async () => {
    const { result } = await runInline({
      extraActions: [echo],
      values: { on: false, list: [] },
      steps: [
        { id: "a", action: "test:echo", if: "${{ parameters.on }}", input: {} },
        { id: "b", action: "test:echo", if: "${{ parameters.list }}", input: {} },
        { id: "c", action: "test:echo", if: false, input: {} },
        { id: "d", action: "test:echo", input: { value: 1 } },
      ],
      output: {
        links: [
          { title: "hidden", url: "https://h", if: "${{ parameters.on }}" },
          { title: "shown", url: "https://s", if: "${{ not parameters.on }}" },
        ],
        text: [{ title: "t", content: "**${{ steps.d.output.value }}**" }],
      },
    });
    expect(result.steps.map((s) => s.status)).toEqual(["skipped", "skipped", "skipped", "completed"]);
    expect(result.output.links).toEqual([{ title: "shown", url: "https://s" }]);
    expect(result.output.text).toEqual([{ title: "t", content: "**1**" }]);
  });

  it("runs each iteration with each.key/each.value and collects outputs as arrays", async () => {
    const { result } = await runInline({
      extraActions: [echo],
      values: { names: ["a", "b", "c"] },
      steps: [
        {
          id: "loop",
          action: "test:echo",
          each: "${{ parameters.names }}",
          if: "${{ each.value != 'b' }}",
          input: { value: "${{ each.key }}=${{ each.value }}" },
        },
      ],
      output: { all: "${{ steps.loop.output.value }}" },
    });
    expect(result.output.all).toEqual(["0=a", "2=c"]);
  });

  it("fails the step on invalid input naming each field, and skips the rest", async () => {
    const { result } = await runInline({
      steps: [
        { id: "bad", action: "fs:rename", input: { files: [{ from: 1 }] } },
        { id: "after", action: "debug:log", input: { message: "x" } },
      ],
    });
    expect(result.status).toBe("failed");
    expect(result.failedStepId).toBe("bad");
    expect(result.error).toMatch(/input\.files\.0\.from/);
    expect(result.error).toMatch(/input\.files\.0\.to/);
    expect(result.steps[1].status).toBe("skipped");
  });

  it("redacts secrets and values derived from them in every log line", async () => {
    const { logs, result } = await runInline({
      secrets: { token: "s3cr3t-value" },
      steps: [
        { id: "a", action: "debug:log", input: { message: "token=${{ secrets.token }}" } },
        {
          id: "b",
          action: "debug:log",
          input: { message: "${{ secrets.token | upper }} ${{ secrets.token | replace('-', '_') }}" },
        },
        { id: "c", action: "debug:log", input: { message: "${{ secrets.token | length }}!" } },
      ],
    });
    expect(result.status).toBe("completed");
    const text = logs.map((l) => l.message).join("\n");
    expect(text).not.toContain("s3cr3t");
    expect(text).not.toContain("S3CR3T");
    expect(text).toContain("token=***");
  });
});
