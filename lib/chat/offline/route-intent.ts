import { linearRegex } from "@/lib/text/linear-regex";

/**
 * Offline mode (no language model): map a message to one tool with plain
 * rules, so the chat still answers the common questions. Order matters: an
 * explicit request ("runbook for …", "who owns …") wins over the shape of the
 * text, and a pasted log wins over the words "cluster" or "pods" inside it.
 * The message is user text of up to 64 KB, so every pattern is RE2 (linear),
 * and the intent phrases are only looked for in a bounded window of the first
 * line: a question is short, and an intent buried 2 KB into a line is noise.
 */
export type OfflineIntent =
  | { kind: "runbooks"; query: string }
  | { kind: "owner"; query: string }
  | { kind: "pod"; namespace: string; name: string }
  | { kind: "diagnose"; text: string }
  | { kind: "cluster"; namespace?: string }
  | { kind: "catalog"; query: string }
  | { kind: "help" };

const RUNBOOK = linearRegex(
  "offline-intent-runbook",
  /\b(?:runbooks?|playbooks?|how\s+(?:do|can|to)\s+(?:i|we)?\s*(?:fix|resolve|handle))\b\s*(?:for|about|on|to|when|with)?\s*[:-]?\s*(.*)$/is,
);
const OWNER = linearRegex(
  "offline-intent-owner",
  /\b(?:who\s+owns|owner\s+of|who\s+is\s+(?:the\s+)?owner\s+of|who\s+maintains|which\s+team\s+owns)\s+(?:the\s+)?(.+)$/is,
);
const POD_SLASH = linearRegex(
  "offline-intent-pod-slash",
  /\bpod\s+([a-z0-9][-a-z0-9.]*)\/([a-z0-9][-a-z0-9.]*)/i,
);
const POD_IN_NS = linearRegex(
  "offline-intent-pod-in-ns",
  /\bpod\s+([a-z0-9][-a-z0-9.]*)\s+in\s+(?:namespace\s+)?([a-z0-9][-a-z0-9.]*)/i,
);
const CLUSTER = linearRegex(
  "offline-intent-cluster",
  /\b(?:cluster|pods?|nodes?|health|deployments?|workloads?)\b/i,
);
const NAMESPACE = linearRegex(
  "offline-intent-namespace",
  /\bnamespace\s+([a-z0-9][-a-z0-9]*)|\bin\s+([a-z0-9][-a-z0-9]*)\s+namespace\b|\b(?:-n|--namespace)\s+([a-z0-9][-a-z0-9]*)/i,
);
const CATALOG = linearRegex(
  "offline-intent-catalog",
  /^\s*(?:find|search(?:\s+for)?|look\s*up|show(?:\s+me)?|what\s+is|where\s+is|list)\s+(?:the\s+)?(.+)$/is,
);

// Case-sensitive tokens that appear in real error output but rarely in questions.
const ERROR_TOKENS = linearRegex(
  "offline-intent-error-tokens",
  /[A-Za-z]*(?:Error|Exception)\b|\b(?:ERROR|FATAL|Fatal|panic:|Traceback|OOMKilled|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|FailedScheduling|FailedMount|Back-off|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|x509:|forbidden|denied|exit code|exited with|Killed|timed out|refused|failed|Failed|FAILED|Unhandled|NXDOMAIN|no such host)\b/,
);

const LEADING_QUOTES = linearRegex("offline-tidy-leading", /^["'`]+/);
const TRAILING_PUNCTUATION = linearRegex("offline-tidy-trailing", /["'`?.!]+$/);
const QUESTION_END = linearRegex("offline-question-end", /\?\s*$/);
const LOG_SHAPE = linearRegex(
  "offline-log-shape",
  /\w+(?:Error|Exception)\b|\b(?:Error:|ERROR|FATAL|panic:|\d{2}:\d{2}:\d{2}|at \S+\(|E\d{4} )/,
);
const INTENT_WINDOW_CHARS = 2048;

function tidy(query: string): string {
  const trimmed = query.trim();
  const unquoted = TRAILING_PUNCTUATION.replaceAll(
    LEADING_QUOTES.replaceAll(trimmed, () => ""),
    () => "",
  );
  return unquoted.trim();
}

function looksLikeErrorPaste(text: string): boolean {
  if (!ERROR_TOKENS.test(text)) return false;
  const lines = text.split("\n").filter((l) => l.trim()).length;
  // A multi-line paste with an error token, or one line that reads like a log
  // (timestamps, "Error:" prefixes, stack frames) rather than a question.
  if (lines > 1) return true;
  if (QUESTION_END.test(text.trim())) return false;
  return LOG_SHAPE.test(text);
}

export function routeOfflineIntent(input: string): OfflineIntent {
  const text = input.trim();
  const firstLine = (text.split("\n", 1)[0] ?? "").slice(0, INTENT_WINDOW_CHARS);

  const runbook = RUNBOOK.exec(firstLine);
  if (runbook) {
    const rest = tidy(`${runbook[1] ?? ""} ${text.split("\n").slice(1).join(" ")}`);
    if (rest) return { kind: "runbooks", query: rest };
  }

  const owner = OWNER.exec(firstLine);
  if (owner && tidy(owner[1])) return { kind: "owner", query: tidy(owner[1]) };

  const pod = POD_SLASH.exec(firstLine);
  if (pod) return { kind: "pod", namespace: pod[1].toLowerCase(), name: pod[2].toLowerCase() };
  const podIn = POD_IN_NS.exec(firstLine);
  if (podIn) return { kind: "pod", namespace: podIn[2].toLowerCase(), name: podIn[1].toLowerCase() };

  if (looksLikeErrorPaste(text)) return { kind: "diagnose", text };

  if (CLUSTER.test(firstLine)) {
    const ns = NAMESPACE.exec(firstLine);
    const namespace = ns ? (ns[1] ?? ns[2] ?? ns[3])?.toLowerCase() : undefined;
    return namespace ? { kind: "cluster", namespace } : { kind: "cluster" };
  }

  const catalog = CATALOG.exec(firstLine);
  if (catalog && tidy(catalog[1])) return { kind: "catalog", query: tidy(catalog[1]) };

  return { kind: "help" };
}
