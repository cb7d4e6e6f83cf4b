/**
 * Types shared by the chat route and the browser (no React, no server imports):
 * the tool inputs/outputs that become typed `tool-<name>` UI parts, the data
 * parts, and the UI message type both sides agree on.
 */
import type { UIMessage } from "ai";
import type { EntitySummary as CatalogEntitySummary } from "@/lib/catalog/queries/list-entities";
import type { Problem } from "@/lib/k8s/types";

export type Severity = "critical" | "high" | "medium" | "low";

export interface SuggestedCommand {
  command: string;
  description: string;
  /** Mutates the cluster or data (delete, rollout restart, scale, ...): the UI shows a warning. */
  destructive: boolean;
}

export interface RunbookLink {
  id: string;
  title: string;
  url: string;
}

export interface DiagnosisOutput {
  category: string;
  title: string;
  severity: Severity;
  summary: string;
  evidence: { line: number; excerpt: string }[];
  commands: SuggestedCommand[];
  runbooks: RunbookLink[];
  /** How many secrets were removed from the input before analysis. */
  redactions: number;
}

export interface RunbookSearchOutput {
  query: string;
  results: (RunbookLink & { snippet: string; score: number })[];
  /** Subsystems that were unavailable (results came from the fallback path). */
  degraded: string[];
}

/** The Kubernetes analyzers' problem, as tool cards show it. */
export type ClusterProblem = Problem;

export interface ClusterHealthOutput {
  connected: boolean;
  cluster: string | null;
  generatedAt: string;
  nodes: { ready: number; total: number };
  pods: { byPhase: Record<string, number>; restarting: number };
  deployments: { available: number; total: number };
  problems: ClusterProblem[];
  /** Problems beyond the ones listed (kept short for the model's context). */
  moreProblems: number;
}

export interface PodDetailsOutput {
  found: boolean;
  namespace: string;
  name: string;
  /** Why nothing was found ("no cluster connected", "pod not found", ...). */
  message: string | null;
  phase: string | null;
  node: string | null;
  containers: { name: string; ready: boolean; state: string; reason: string | null; restarts: number }[];
  events: { type: string; reason: string; message: string; count: number; lastSeen: string | null }[];
  problems: ClusterProblem[];
}

export type EntitySummary = Pick<
  CatalogEntitySummary,
  "ref" | "kind" | "namespace" | "name" | "title" | "description" | "type" | "lifecycle" | "owner"
> & {
  /** Portal page: /catalog/<kind>/<namespace>/<name>. */
  url: string;
};

export interface EntitySearchOutput {
  query: string;
  results: EntitySummary[];
  total: number;
}

export interface EntityDetailOutput {
  ref: string;
  found: boolean;
  entity: EntitySummary | null;
  owner: { ref: string; title: string | null; email: string | null; url: string } | null;
  relations: { type: string; targetRef: string; url: string }[];
  links: { url: string; title: string | null }[];
}

// Type aliases, not interfaces: the SDK's UITools/UIDataTypes constraints need index-compatible types.
export type ChatToolShapes = {
  diagnoseError: { input: { text: string }; output: DiagnosisOutput };
  searchRunbooks: { input: { query: string; limit?: number }; output: RunbookSearchOutput };
  getClusterHealth: { input: { namespace?: string }; output: ClusterHealthOutput };
  getPodDetails: { input: { namespace: string; name: string }; output: PodDetailsOutput };
  findEntities: { input: { query: string; kind?: string; limit?: number }; output: EntitySearchOutput };
  getEntity: { input: { ref: string }; output: EntityDetailOutput };
};

export type ChatToolName = keyof ChatToolShapes;

export interface ChatMessageMetadata {
  /** "offline" when no language model is configured and tools were routed deterministically. */
  mode?: "model" | "offline";
  createdAt?: string;
  /** Set on a saved reply that did not finish, so a reload can say why. */
  interrupted?: "error" | "stopped";
  errorText?: string;
}

export type ChatDataParts = {
  /** Transient: tells the client which conversation a first message created. */
  conversation: { id: string; title: string };
};

export type ChatUIMessage = UIMessage<ChatMessageMetadata, ChatDataParts, ChatToolShapes>;
export type ChatUIPart = ChatUIMessage["parts"][number];

/** Request body of POST /api/chat (the client sends only the newest message). */
export interface ChatRequestBody {
  conversationId?: string;
  message: { id: string; role: "user"; parts: { type: "text"; text: string }[] };
  trigger?: "submit-message" | "regenerate-message";
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationWithMessages extends ConversationSummary {
  messages: ChatUIMessage[];
}

export const MAX_MESSAGE_TEXT_BYTES = 32 * 1024;
export const MAX_TITLE_CHARS = 120;

export function catalogUrl(kind: string, namespace: string, name: string): string {
  return `/catalog/${encodeURIComponent(kind.toLowerCase())}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
