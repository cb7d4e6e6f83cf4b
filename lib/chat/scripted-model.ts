import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV3 } from "ai/test";

/** One model step: text streamed in pieces, a tool call, or a failure mid-stream. */
export type ScriptedStep =
  | { text: string[] }
  | { toolCall: { name: string; input: unknown } }
  | { text: string[]; failAfter: string };

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 10, text: 10, reasoning: undefined },
};

function partsFor(step: ScriptedStep, index: number): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
  if ("toolCall" in step) {
    parts.push({
      type: "tool-call",
      toolCallId: `call-${index}`,
      toolName: step.toolCall.name,
      input: JSON.stringify(step.toolCall.input),
    });
    parts.push({ type: "finish", finishReason: { unified: "tool-calls", raw: undefined }, usage });
    return parts;
  }
  const id = `text-${index}`;
  parts.push({ type: "text-start", id });
  for (const delta of step.text) parts.push({ type: "text-delta", id, delta });
  if ("failAfter" in step) {
    parts.push({ type: "error", error: new Error(step.failAfter) });
    return parts;
  }
  parts.push({ type: "text-end", id });
  parts.push({ type: "finish", finishReason: { unified: "stop", raw: undefined }, usage });
  return parts;
}

/**
 * A MockLanguageModelV3 that plays `steps` in order, one per model call (so a
 * tool call followed by text exercises the multi-step loop). After the script
 * runs out it repeats the last step. `prompts` records what the model was sent.
 */
export function createScriptedModel(steps: ScriptedStep[], opts: { chunkDelayMs?: number } = {}) {
  let call = 0;
  const prompts: unknown[] = [];
  const model = new MockLanguageModelV3({
    doStream: async (options) => {
      prompts.push(options.prompt);
      const index = call++;
      const step = steps[Math.min(index, steps.length - 1)];
      return {
        stream: simulateReadableStream({
          chunks: partsFor(step, index),
          initialDelayInMs: opts.chunkDelayMs ?? null,
          chunkDelayInMs: opts.chunkDelayMs ?? null,
        }),
      };
    },
  });
  return { model, prompts, calls: () => call };
}
