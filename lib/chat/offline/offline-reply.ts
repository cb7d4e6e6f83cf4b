import type { ToolRunners } from "../tools";
import type { EntitySummary } from "../types";
import { composeEntityAnswer } from "./compose-entity";
import type { PreviousTurn } from "./conversation-context";
import { type CatalogName, findMentions } from "./entity-resolver";
import { runTool, TOOL_LABEL, type Writer, writeText } from "./offline-stream";
import { type EntityAspect, isContinuation, type OfflineIntent, routeOfflineIntent } from "./route-intent";
import { summarizeToolOutput } from "./summaries";

export const OFFLINE_NOTICE = "No language model is configured, so Portico is answering in offline mode";

const HELP = [
  `${OFFLINE_NOTICE}: it answers with the portal's tools instead of a language model. Try:`,
  "",
  "- paste an error message, kubelet event or log excerpt to **diagnose** it",
  "- `runbook for <symptom>` to search the **runbooks**",
  "- `who owns the <component>?`, `what APIs does <component> provide?`, `what does <component> depend on?`,",
  "  `who is on call for <component>?` for the **catalog**; then follow up with `and its links?`",
  "- `what's broken in <namespace>?` or `cluster health` for the **cluster** status",
  "- `pod <namespace>/<name>` for one pod's containers and events",
  "- `find <words>` to search the **catalog**",
  "",
  "Set `GOOGLE_GENERATIVE_AI_API_KEY`, or `PORTICO_AI_BASE_URL` and `PORTICO_AI_MODEL` for a local",
  "OpenAI-compatible server (Ollama, vLLM, LM Studio), to chat with a model.",
].join("\n");

export interface OfflineContext {
  /** The conversation's previous turn, for follow-ups ("and who owns it?"). */
  previous?: PreviousTurn | null;
  /** Names, titles and aliases of catalog entities, for fuzzy mention matching. */
  catalogNames?: () => Promise<readonly CatalogName[]>;
}

// Which kinds a question most likely means when a word matches several ("accounts": service, API, database).
function preferredKinds(aspects: EntityAspect[]): string[] | undefined {
  if (aspects.some((a) => a === "providesApis" || a === "consumesApis" || a === "dependencies")) {
    return ["component", "system", "api", "resource", "group", "user", "domain"];
  }
  if (aspects.includes("oncall"))
    return ["component", "group", "system", "api", "resource", "user", "domain"];
  return undefined;
}

async function mentionedRef(
  text: string,
  aspects: EntityAspect[],
  ctx: OfflineContext,
): Promise<string | null> {
  if (!ctx.catalogNames) return null;
  const names = await ctx.catalogNames().catch(() => []);
  return findMentions(text, names, { preferKinds: preferredKinds(aspects) })[0]?.ref ?? null;
}

function pickResult(results: EntitySummary[], query: string): EntitySummary | undefined {
  const q = query.toLowerCase();
  return (
    results.find((e) => e.name.toLowerCase() === q || e.title?.toLowerCase() === q) ??
    results.find((e) => e.kind === "Component") ??
    results[0]
  );
}

async function answerEntity(
  writer: Writer,
  run: ToolRunners,
  text: string,
  intent: { aspects: EntityAspect[]; query: string; followUp: boolean },
  ctx: OfflineContext,
): Promise<void> {
  const previous = ctx.previous ?? null;
  let aspects = intent.aspects;
  // "what about the cart service?" asks the previous question about another entity.
  if (
    (!aspects.length || aspects.every((a) => a === "describe")) &&
    previous?.aspects.length &&
    isContinuation(text)
  ) {
    aspects = previous.aspects;
  }
  let ref = await mentionedRef(text, aspects, ctx);
  if (!ref && previous?.entityRef && (intent.followUp || !intent.query)) ref = previous.entityRef;
  if (!ref && intent.query) {
    if (intent.query.includes(":") || intent.query.includes("/")) ref = intent.query;
    else {
      writeText(writer, `${OFFLINE_NOTICE}; I searched the catalog for "${intent.query}".\n\n`);
      const found = await runTool(
        writer,
        "findEntities",
        { query: intent.query, limit: 5 },
        run.findEntities,
      );
      if (!found) return;
      ref = pickResult(found.results, intent.query)?.ref ?? null;
      if (!ref) {
        writeText(writer, `Nothing in the catalog matches "${intent.query}".`);
        return;
      }
    }
  }
  if (!ref) {
    writeText(
      writer,
      `${OFFLINE_NOTICE}. Which catalog entity do you mean? Name it, e.g. "who owns the checkout API?".`,
    );
    return;
  }
  writeText(writer, `${OFFLINE_NOTICE}; I looked up **${ref}** in the catalog.\n\n`);
  const out = await runTool(writer, "getEntity", { ref }, run.getEntity);
  if (out) writeText(writer, composeEntityAnswer(aspects, out));
}

const K8S_NAME = (s: string) => {
  if (!s || s.length > 63) return false;
  for (const ch of s) if (!((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") || ch === "-")) return false;
  return s[0] !== "-" && s[s.length - 1] !== "-";
};

async function answerDiagnosis(
  writer: Writer,
  run: ToolRunners,
  intent: Extract<OfflineIntent, { kind: "diagnose" }>,
): Promise<void> {
  writeText(writer, `${OFFLINE_NOTICE}; I ran the **${TOOL_LABEL.diagnoseError}** tool on your paste.\n\n`);
  const out = await runTool(writer, "diagnoseError", { text: intent.text }, run.diagnoseError);
  if (out) writeText(writer, summarizeToolOutput("diagnoseError", out));
  const pod = intent.pod;
  if (!pod) return;
  if (!pod.namespace || !K8S_NAME(pod.namespace)) {
    writeText(
      writer,
      `\n\nThe paste names pod \`${pod.name}\` but not its namespace; ask \`pod <namespace>/${pod.name}\` for its live state.`,
    );
    return;
  }
  writeText(
    writer,
    `\n\nThe paste names pod **${pod.namespace}/${pod.name}**, so I fetched its live state.\n\n`,
  );
  const details = await runTool(
    writer,
    "getPodDetails",
    { namespace: pod.namespace, name: pod.name },
    run.getPodDetails,
  );
  if (details) writeText(writer, summarizeToolOutput("getPodDetails", details));
}

/**
 * Writes a complete offline answer (text + tool calls + results + a summary
 * composed from them) to a UI message stream. The caller writes
 * `start`/`finish` around it. The runners are the ones behind the model's
 * tools, so redaction and output shapes are identical in both modes.
 */
export async function writeOfflineReply(
  writer: Writer,
  text: string,
  run: ToolRunners,
  ctx: OfflineContext = {},
): Promise<OfflineIntent> {
  const intent = routeOfflineIntent(text);
  const announce = (label: string) =>
    writeText(writer, `${OFFLINE_NOTICE}; I ran the **${label}** tool for you.\n\n`);

  switch (intent.kind) {
    case "help": {
      // Not a recognised question, but it may still name an entity ("the accounts service?") or continue one.
      const ref = await mentionedRef(text, [], ctx);
      if (ref || (ctx.previous?.entityRef && isContinuation(text))) {
        await answerEntity(writer, run, text, { aspects: [], query: "", followUp: !ref }, ctx);
      } else writeText(writer, HELP);
      break;
    }
    case "diagnose":
      await answerDiagnosis(writer, run, intent);
      break;
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
      const namespace =
        intent.namespace ?? (intent.target && K8S_NAME(intent.target) ? intent.target : undefined);
      const out = await runTool(
        writer,
        "getClusterHealth",
        namespace ? { namespace } : {},
        run.getClusterHealth,
      );
      if (out) writeText(writer, summarizeToolOutput("getClusterHealth", out, namespace));
      break;
    }
    case "pod": {
      announce(TOOL_LABEL.getPodDetails);
      const input = { namespace: intent.namespace, name: intent.name };
      const out = await runTool(writer, "getPodDetails", input, run.getPodDetails);
      if (out) writeText(writer, summarizeToolOutput("getPodDetails", out));
      break;
    }
    case "catalog": {
      announce(TOOL_LABEL.findEntities);
      const out = await runTool(writer, "findEntities", { query: intent.query, limit: 8 }, run.findEntities);
      if (out) writeText(writer, summarizeToolOutput("findEntities", out));
      break;
    }
    case "entity":
      await answerEntity(writer, run, text, intent, ctx);
      break;
  }
  return intent;
}
