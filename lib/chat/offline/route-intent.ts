import { linearRegex } from "@/lib/text/linear-regex";
import { type PodMention, podMentionIn } from "./pod-mention";

/**
 * Offline mode (no language model): what a message asks for, with plain
 * rules. Order matters: an explicit request ("runbook for …") wins, then a
 * pasted error or log (whatever words it contains: a kubelet event mentions
 * pods and containers but asks for a diagnosis), then questions about a pod,
 * about what is broken, about catalog entities, and the cluster.
 * The message is user text of up to 32 KB, so every pattern is RE2 (linear),
 * and the intent phrases are only looked for in a bounded window of the first
 * line: a question is short, and an intent buried 2 KB into a line is noise.
 * Which entity a question is about is decided later, against the catalog
 * (entity-resolver.ts); `query` is only the fallback search text.
 */
export type EntityAspect =
  | "owner"
  | "providesApis"
  | "consumesApis"
  | "dependencies"
  | "dependents"
  | "oncall"
  | "links"
  | "describe";

export type OfflineIntent =
  | { kind: "runbooks"; query: string }
  | { kind: "pod"; namespace: string; name: string }
  | { kind: "diagnose"; text: string; pod: PodMention | null }
  | { kind: "cluster"; namespace?: string; target?: string }
  | { kind: "entity"; aspects: EntityAspect[]; query: string; followUp: boolean }
  | { kind: "catalog"; query: string }
  | { kind: "help" };

const RUNBOOK = linearRegex(
  "offline-intent-runbook",
  /\b(?:runbooks?|playbooks?|how\s+(?:do|can|to)\s+(?:i|we)?\s*(?:fix|resolve|handle))\b\s*(?:for|about|on|to|when|with)?\s*[:-]?\s*(.*)$/is,
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
  /\b(?:cluster|pods?|nodes?|health|healthy|deployments?|workloads?|namespaces?|kubernetes|k8s)\b/i,
);
const NAMESPACE = linearRegex(
  "offline-intent-namespace",
  /\bnamespace\s+([a-z0-9][-a-z0-9]*)|\bin\s+(?:the\s+)?([a-z0-9][-a-z0-9]*)\s+namespace\b|\b(?:-n|--namespace)\s+([a-z0-9][-a-z0-9]*)/i,
);
// "what's broken in payments", "any problems with checkout?", "is anything failing in tracking"
const BROKEN = linearRegex(
  "offline-intent-broken",
  /\b(?:broken|failing|unhealthy|down|wrong|problems?|issues?|errors?|alerts?|degraded|crashing)\b(?:.*?\b(?:in|with|for|on)\s+(?:the\s+)?([a-z0-9][-a-z0-9]*))?/i,
);
const CATALOG = linearRegex(
  "offline-intent-catalog",
  /^\s*(?:find|search(?:\s+for)?|look\s*up|list)\s+(?:the\s+|all\s+)?(.+)$/is,
);
const DESCRIBE = linearRegex(
  "offline-intent-describe",
  /^\s*(?:what\s+is|what's|whats|where\s+is|tell\s+me\s+about|show(?:\s+me)?|describe|info\s+(?:on|about))\s+(?:the\s+)?(.+)$/is,
);

const ASPECTS: [EntityAspect, ReturnType<typeof linearRegex>][] = [
  [
    "owner",
    linearRegex(
      "offline-aspect-owner",
      /\b(?:who\s+owns|owns|owner|owners|owned|ownership|who\s+maintains|maintainers?|which\s+team|what\s+team|responsible\s+for)\b/i,
    ),
  ],
  [
    "consumesApis",
    linearRegex(
      "offline-aspect-consumes",
      /(?:^|[\s,(])apis?\b.*\b(?:consume[sd]?|consuming|use[sd]?|using|call(?:s|ed)?|depend)|\b(?:consume[sd]?|consuming)\b|\bcalls?\b.*(?:^|[\s,(])apis?\b/i,
    ),
  ],
  [
    "providesApis",
    linearRegex(
      "offline-aspect-provides",
      /(?:^|[\s,(])apis?\b.*\b(?:provide[sd]?|providing|expose[sd]?|exposing|offer(?:s|ed)?|serve[sd]?|implement(?:s|ed)?|have|has)\b|\b(?:provide[sd]?|expose[sd]?|offer(?:s|ed)?|serves?)\b.*(?:^|[\s,(])apis?\b|\bwhat\s+apis?\b|(?:^|[\s,(])apis?\s+(?:of|for)\b/i,
    ),
  ],
  [
    "dependents",
    linearRegex(
      "offline-aspect-dependents",
      /\b(?:who|what|which\s+\w+)\s+(?:depends?|relies?)\s+on\b|\bdependents\b|\b(?:who|what)\s+(?:uses|calls|consumes)\b|\bused\s+by\b/i,
    ),
  ],
  [
    "dependencies",
    linearRegex(
      "offline-aspect-dependencies",
      /\bdependenc(?:y|ies)\b|\bdepends?\s+on\b|\brel(?:y|ies)\s+on\b|\bdoes\s+\S+(?:\s+\S+)?\s+depend\b|\bdownstream\b|\bupstream\b|\bneeds?\b/i,
    ),
  ],
  [
    "oncall",
    linearRegex(
      "offline-aspect-oncall",
      /\bon[-\s]?call\b|\bpager(?:duty)?\b|\bopsgenie\b|\bescalat\w*|\bwho\s+(?:do\s+i|should\s+i|to)\s+(?:contact|call|ping|page|ask)\b|\bcontact\b|\bemail\b|\bslack\b/i,
    ),
  ],
  [
    "links",
    linearRegex(
      "offline-aspect-links",
      /\blinks?\b|\bdashboards?\b|\bdocs\b|\bdocumentation\b|\brepo(?:sitory)?\b|\bgrafana\b|\burl\b/i,
    ),
  ],
];

const PROVIDES_VERB = linearRegex(
  "offline-provides-verb",
  /\b(?:provide[sd]?|providing|expose[sd]?|exposing|offer(?:s|ed)?|serves?|implement(?:s|ed)?)\b/i,
);

// Refers back to something earlier in the conversation: "and who owns it?", "what about its APIs".
const FOLLOW_UP = linearRegex(
  "offline-follow-up",
  /^\s*(?:and|also|what\s+about|how\s+about|same\s+for)\b|\b(?:it|its|it's|that|this|them|they|their)\b/i,
);
const CONTINUATION = linearRegex(
  "offline-continuation",
  /^\s*(?:and|also|what\s+about|how\s+about|same\s+for)\b/i,
);

/** "and …", "what about …": the message continues the previous question. */
export function isContinuation(text: string): boolean {
  return CONTINUATION.test(text.slice(0, 200));
}

const LEADING_QUOTES = linearRegex("offline-tidy-leading", /^["'`]+/);
const TRAILING_PUNCTUATION = linearRegex("offline-tidy-trailing", /["'`?.!]+$/);
const QUESTION_START = linearRegex(
  "offline-question-start",
  /^\s*(?:who|what|what's|whats|which|why|how|is|are|can|could|does|do|did|should|where|when|tell|show|list|find|any|please)\b/i,
);
const QUESTION_END = linearRegex("offline-question-end", /\?\s*$/);
// Tokens that only appear in real error output: enough on their own to call the text a paste.
const STRONG_LOG = linearRegex(
  "offline-strong-log",
  /\b(?:OOMKilled|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|CreateContainerError|RunContainerError|FailedScheduling|FailedMount|Back-off\s+restarting|Back-off\s+pulling|exit\s+code[:\s]+\d+|Exit\s+Code:\s*\d+|Traceback\s+\(most|panic:|SIGSEGV|SIGKILL|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EADDRINUSE|NXDOMAIN|x509:)|\b[A-Za-z]+(?:Error|Exception):|^\s*at\s+\S+\s*\(|\bE\d{4}\s+\d{2}:\d{2}|\b(?:ERROR|FATAL|CRITICAL)\b/m,
);
// Case-sensitive tokens that appear in real error output but rarely in questions.
const ERROR_TOKENS = linearRegex(
  "offline-intent-error-tokens",
  /[A-Za-z]*(?:Error|Exception)\b|\b(?:ERROR|FATAL|Fatal|panic:|Traceback|OOMKilled|CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|FailedScheduling|FailedMount|Back-off|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|x509:|forbidden|denied|exit code|exited with|Killed|timed out|refused|failed|Failed|FAILED|Unhandled|NXDOMAIN|no such host)\b/,
);
const LOG_SHAPE = linearRegex(
  "offline-log-shape",
  /\w+(?:Error|Exception)\b|\b(?:Error:|ERROR|FATAL|panic:|\d{2}:\d{2}:\d{2}|at \S+\(|E\d{4} )|^\s*(?:Warning|Normal)\s+\w+/,
);
const INTENT_WINDOW_CHARS = 2048;

export function tidy(query: string): string {
  const trimmed = query.trim();
  const unquoted = TRAILING_PUNCTUATION.replaceAll(
    LEADING_QUOTES.replaceAll(trimmed, () => ""),
    () => "",
  );
  return unquoted.trim();
}

function looksLikeErrorPaste(text: string, firstLine: string): boolean {
  const window = text.slice(0, 16 * 1024);
  const strong = STRONG_LOG.test(window);
  if (!strong && !ERROR_TOKENS.test(window)) return false;
  // Several lines with an error token: a paste, even under a question ("why does this fail?\n<log>").
  if (text.split("\n", 3).filter((l) => l.trim()).length > 1) return true;
  // One line: a short question about errors is a question; anything else that reads like
  // log output (kubelet events, "Error:" prefixes, timestamps, stack frames) is a paste.
  const question = firstLine.length < 300 && (QUESTION_START.test(firstLine) || QUESTION_END.test(firstLine));
  if (question) return false;
  return strong || LOG_SHAPE.test(firstLine);
}

/** Words that are part of the question, not of the entity name (for the fallback catalog search). */
const QUESTION_WORDS = new Set(
  (
    "who what which whats what's is are was the a an and or of for to in on does do did it its it's this that " +
    "owns own owner owners owned maintains maintain maintainer team responsible apis api provide provides " +
    "expose exposes consume consumes use uses call calls depend depends dependencies dependency on-call oncall " +
    "on call pager contact email slack links link dashboards docs tell me about show describe please where " +
    "whom rely relies needs need also how about same any"
  ).split(" "),
);

/** The longest run of words that are not question words: "the accounts service" in a longer question. */
export function entityPhrase(line: string): string {
  const words = line.slice(0, INTENT_WINDOW_CHARS).split(/\s+/, 100);
  let best: string[] = [];
  let run: string[] = [];
  for (const raw of words) {
    const word = tidy(raw).replaceAll(",", "");
    if (!word || QUESTION_WORDS.has(word.toLowerCase())) {
      if (run.length > best.length) best = run;
      run = [];
    } else run.push(word);
  }
  if (run.length > best.length) best = run;
  return best.join(" ");
}

export function routeOfflineIntent(input: string): OfflineIntent {
  const text = input.trim();
  const firstLine = (text.split("\n", 1)[0] ?? "").slice(0, INTENT_WINDOW_CHARS);

  const runbook = RUNBOOK.exec(firstLine);
  if (runbook) {
    const rest = tidy(`${runbook[1] ?? ""} ${text.split("\n").slice(1).join(" ")}`);
    if (rest) return { kind: "runbooks", query: rest };
  }

  if (looksLikeErrorPaste(text, firstLine)) return { kind: "diagnose", text, pod: podMentionIn(text) };

  const pod = POD_SLASH.exec(firstLine);
  if (pod) return { kind: "pod", namespace: pod[1].toLowerCase(), name: pod[2].toLowerCase() };
  const podIn = POD_IN_NS.exec(firstLine);
  if (podIn) return { kind: "pod", namespace: podIn[2].toLowerCase(), name: podIn[1].toLowerCase() };

  const aspects = ASPECTS.filter(([, re]) => re.test(firstLine)).map(([aspect]) => aspect);
  // "what APIs does it consume" names both verbs' family; consuming wins over the generic "what APIs".
  if (
    aspects.includes("consumesApis") &&
    aspects.includes("providesApis") &&
    !PROVIDES_VERB.test(firstLine)
  ) {
    aspects.splice(aspects.indexOf("providesApis"), 1);
  }
  // "who depends on X" is about X's dependents; "depends on" alone would also read as its dependencies.
  if (aspects.includes("dependents")) {
    for (const implied of ["dependencies", "consumesApis"] as const) {
      if (aspects.includes(implied)) aspects.splice(aspects.indexOf(implied), 1);
    }
  }
  const followUp = FOLLOW_UP.test(firstLine);

  const broken = BROKEN.exec(firstLine);
  if (broken && !aspects.includes("owner") && !aspects.includes("oncall")) {
    const ns = NAMESPACE.exec(firstLine);
    const namespace = ns ? (ns[1] ?? ns[2] ?? ns[3])?.toLowerCase() : undefined;
    if (namespace) return { kind: "cluster", namespace };
    const target = broken[1]?.toLowerCase();
    return target ? { kind: "cluster", target } : { kind: "cluster" };
  }

  if (aspects.length) return { kind: "entity", aspects, query: entityPhrase(firstLine), followUp };

  if (CLUSTER.test(firstLine)) {
    const ns = NAMESPACE.exec(firstLine);
    const namespace = ns ? (ns[1] ?? ns[2] ?? ns[3])?.toLowerCase() : undefined;
    return namespace ? { kind: "cluster", namespace } : { kind: "cluster" };
  }

  const catalog = CATALOG.exec(firstLine);
  if (catalog && tidy(catalog[1])) return { kind: "catalog", query: tidy(catalog[1]) };

  const describe = DESCRIBE.exec(firstLine);
  if (describe && tidy(describe[1])) {
    return { kind: "entity", aspects: ["describe"], query: entityPhrase(tidy(describe[1])), followUp };
  }
  // Anything else may still name an entity ("accounts service?"); the reply checks the catalog.
  return { kind: "help" };
}
