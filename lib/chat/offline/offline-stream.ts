import type { UIMessageStreamWriter } from "ai";
import type { ChatToolName, ChatToolShapes, ChatUIMessage } from "../types";

export type Writer = Pick<UIMessageStreamWriter<ChatUIMessage>, "write">;

export const TOOL_LABEL: Record<ChatToolName, string> = {
  diagnoseError: "diagnosis",
  searchRunbooks: "runbook search",
  getClusterHealth: "cluster health",
  getPodDetails: "pod details",
  findEntities: "catalog search",
  getEntity: "catalog entity",
};

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

/** Streams text in word-sized deltas so offline answers arrive the way model answers do. */
export function writeText(writer: Writer, text: string): void {
  const id = nextId("offline-text");
  writer.write({ type: "text-start", id });
  // Our own composed text (bounded), split at spaces without a regex.
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || (text[i - 1] === " " && text[i] !== " ")) {
      writer.write({ type: "text-delta", id, delta: text.slice(start, i) });
      start = i;
    }
  }
  writer.write({ type: "text-end", id });
}

/** One tool call as the model would make it: input, then output (or a tool error), as one step. */
export async function runTool<N extends ChatToolName>(
  writer: Writer,
  name: N,
  input: ChatToolShapes[N]["input"],
  execute: (input: ChatToolShapes[N]["input"]) => Promise<ChatToolShapes[N]["output"]>,
): Promise<ChatToolShapes[N]["output"] | null> {
  const toolCallId = nextId(`offline-${name}`);
  writer.write({ type: "start-step" });
  writer.write({ type: "tool-input-available", toolCallId, toolName: name, input });
  try {
    const output = await execute(input);
    writer.write({ type: "tool-output-available", toolCallId, output });
    return output;
  } catch (error) {
    const errorText = `The ${TOOL_LABEL[name]} tool failed: ${error instanceof Error ? error.message : String(error)}`;
    writer.write({ type: "tool-output-error", toolCallId, errorText });
    return null;
  } finally {
    writer.write({ type: "finish-step" });
  }
}
