import type { ChatUIMessage } from "../types";
import { type EntityAspect, routeOfflineIntent } from "./route-intent";

/** What the previous turn was about, so "and who owns it?" has an "it". */
export interface PreviousTurn {
  /** Last catalog entity the assistant fetched. */
  entityRef: string | null;
  /** What the previous question asked about that entity. */
  aspects: EntityAspect[];
  pod: { namespace: string; name: string } | null;
}

const textOf = (m: ChatUIMessage) => m.parts.map((p) => (p.type === "text" ? p.text : "")).join("\n");

/**
 * Reads the turns before the newest user message (history ends with it):
 * tool parts are the facts the answer was built from, so they, not the
 * prose, say which entity or pod the conversation is on.
 */
export function previousTurn(history: readonly ChatUIMessage[]): PreviousTurn | null {
  const before = history.slice(0, -1);
  let entityRef: string | null = null;
  let pod: PreviousTurn["pod"] = null;
  let aspects: EntityAspect[] = [];
  for (let i = before.length - 1; i >= 0 && i >= before.length - 6; i--) {
    const m = before[i];
    if (m.role !== "assistant") continue;
    for (const part of [...m.parts].reverse()) {
      if (
        !entityRef &&
        part.type === "tool-getEntity" &&
        part.state === "output-available" &&
        part.output.found
      ) {
        entityRef = part.output.ref;
      }
      if (!pod && part.type === "tool-getPodDetails" && part.state === "output-available") {
        pod = { namespace: part.output.namespace, name: part.output.name };
      }
    }
    if (!entityRef && !pod) continue;
    const asked = before.slice(0, i).findLast((u) => u.role === "user");
    const intent = asked ? routeOfflineIntent(textOf(asked)) : null;
    if (intent?.kind === "entity") aspects = intent.aspects;
    break;
  }
  if (!entityRef && !pod) return null;
  return { entityRef, aspects, pod };
}
