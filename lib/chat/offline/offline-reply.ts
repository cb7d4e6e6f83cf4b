import type { UIMessageStreamWriter } from "ai";
import type { ToolRunners } from "../tools";
import type { ChatToolName, ChatToolShapes, ChatUIMessage } from "../types";
import { type OfflineIntent, routeOfflineIntent } from "./route-intent";
import { summarizeToolOutput } from "./summaries";

type Writer = Pick<UIMessageStreamWriter<ChatUIMessage>, "write">;

export const OFFLINE_NOTICE = "No language model is configured, so Portico is answering in offline mode";

const HELP = [
  `${OFFLINE_NOTICE}: it routes each message to one tool instead of having a conversation. Try:`,
  "",
  "- paste an error message or log excerpt to **diagnose** it",
  "- `runbook for <symptom>` to search the **runbooks**",
  "- `who owns <component>` for the **owner** and relations of a catalog entity",
  "- `cluster health` (or `pods in namespace <ns>`) for the **cluster** status",
  "- `pod <namespace>/<name>` for one pod's containers and events",
  "- `find <words>` to search the **catalog**",
  "",
  "Set `GOOGLE_GENERATIVE_AI_API_KEY` to chat with Gemini.",
].join("\n");

const TOOL_LABEL: Record<ChatToolName, string> = {
  diagnoseError: "diagnosis",
  searchRunbooks: "runbook search",
  getClusterHealth: "cluster health",
  getPodDetails: "pod details",
  findEntities: "catalog search",
  getEntity: "catalog entity",
};

let sequence = 0;
const textId = () => `offline-text-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

/** Streams text in word-sized deltas so offline answers arrive the way model answers do. */
function writeText(writer: Writer, text: string): void {
  const id = textId();
  writer.write({ type: "text-start", id });
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) writer.write({ type: "text-delta", id, delta: piece });
  writer.write({ type: "text-end", id });
}

async function runTool<N extends ChatToolName>(
  writer: Writer,
  name: N,
  input: ChatToolShapes[N]["input"],
  execute: (input: ChatToolShapes[N]["input"]) => Promise<ChatToolShapes[N]["output"]>,
): Promise<ChatToolShapes[N]["output"] | null> {
  const toolCallId = `offline-${name}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;
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

/**
 * Writes a complete offline answer (text + tool call + tool result + summary)
 * to a UI message stream. The caller writes `start`/`finish` around it.
 * The runners are the ones behind the model's tools, so redaction and output
 * shapes are identical in both modes.
 */
export async function writeOfflineReply(
  writer: Writer,
  text: string,
  run: ToolRunners,
): Promise<OfflineIntent> {
  const intent = routeOfflineIntent(text);
  const announce = (label: string) =>
    writeText(writer, `${OFFLINE_NOTICE}; I ran the **${label}** tool for you.\n\n`);

  switch (intent.kind) {
    case "help":
      writeText(writer, HELP);
      break;
    case "diagnose": {
      announce(TOOL_LABEL.diagnoseError);
      const out = await runTool(writer, "diagnoseError", { text: intent.text }, run.diagnoseError);
      if (out) writeText(writer, summarizeToolOutput("diagnoseError", out));
      break;
    }
    case "runbooks": {
      announce(TOOL_LABEL.searchRunbooks);
      const out = await runTool(
        writer,
        "searchRunbooks",
        { query: intent.query, limit: 5 },
        run.searchRunbooks,
      );
      if (out) writeText(writer, summarizeToolOutput("searchRunbooks", out));
      break;
    }
    case "cluster": {
      announce(TOOL_LABEL.getClusterHealth);
      const input = intent.namespace ? { namespace: intent.namespace } : {};
      const out = await runTool(writer, "getClusterHealth", input, run.getClusterHealth);
      if (out) writeText(writer, summarizeToolOutput("getClusterHealth", out));
      break;
    }
    case "pod": {
      announce(TOOL_LABEL.getPodDetails);
      const out = await runTool(
        writer,
        "getPodDetails",
        { namespace: intent.namespace, name: intent.name },
        run.getPodDetails,
      );
      if (out) writeText(writer, summarizeToolOutput("getPodDetails", out));
      break;
    }
    case "catalog": {
      announce(TOOL_LABEL.findEntities);
      const out = await runTool(writer, "findEntities", { query: intent.query, limit: 8 }, run.findEntities);
      if (out) writeText(writer, summarizeToolOutput("findEntities", out));
      break;
    }
    case "owner": {
      announce(TOOL_LABEL.getEntity);
      // A ref-looking query goes straight to the entity; a bare name is looked up first.
      let ref: string | null = intent.query.includes(":") || intent.query.includes("/") ? intent.query : null;
      if (!ref) {
        const found = await runTool(
          writer,
          "findEntities",
          { query: intent.query, limit: 5 },
          run.findEntities,
        );
        if (!found) break;
        const exact = found.results.find((e) => e.name.toLowerCase() === intent.query.toLowerCase());
        ref = (exact ?? found.results[0])?.ref ?? null;
        if (!ref) {
          writeText(writer, `Nothing in the catalog matches "${intent.query}".`);
          break;
        }
      }
      const out = await runTool(writer, "getEntity", { ref }, run.getEntity);
      if (out) writeText(writer, summarizeToolOutput("getEntity", out));
      break;
    }
  }
  return intent;
}
