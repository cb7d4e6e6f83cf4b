import { type InferUITools, tool } from "ai";
import { z } from "zod";
import type { CatalogName } from "./offline/entity-resolver";
import { redactDeep } from "./redact-deep";
import type { ChatToolName, ChatToolShapes } from "./types";
import { MAX_MESSAGE_TEXT_BYTES } from "./types";

type Output<N extends ChatToolName> = ChatToolShapes[N]["output"];

/**
 * What the chat needs from the other domains. The route wires these to
 * lib/diagnose, lib/runbooks, lib/k8s and lib/catalog; tests pass fakes.
 * Every function is read-only.
 */
export interface ChatToolDeps {
  diagnose(text: string): Promise<Output<"diagnoseError">>;
  searchRunbooks(query: string, limit: number): Promise<Output<"searchRunbooks">>;
  clusterHealth(namespace?: string): Promise<Output<"getClusterHealth">>;
  podDetails(ref: { namespace: string; name: string }): Promise<Output<"getPodDetails">>;
  findEntities(query: { text: string; kind?: string }, limit: number): Promise<Output<"findEntities">>;
  getEntity(ref: string): Promise<Output<"getEntity">>;
  /**
   * Not a tool: the names, titles and aliases of catalog entities, which offline
   * mode matches questions against ("the accounts service" → accounts-service).
   */
  catalogNames?(): Promise<readonly CatalogName[]>;
}

const k8sName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, "must be a Kubernetes object name");

export const toolInputSchemas = {
  diagnoseError: z.object({
    text: z
      .string()
      .min(1)
      .max(MAX_MESSAGE_TEXT_BYTES)
      .describe("The error message, log excerpt or event text to diagnose, verbatim."),
  }),
  searchRunbooks: z.object({
    query: z.string().trim().min(1).max(500).describe("Symptom or failure to find remediation runbooks for."),
    limit: z.number().int().min(1).max(10).optional(),
  }),
  getClusterHealth: z.object({
    namespace: k8sName.optional().describe("Restrict to one namespace; omit for the whole cluster."),
  }),
  getPodDetails: z.object({ namespace: k8sName, name: k8sName }),
  findEntities: z.object({
    query: z.string().trim().min(1).max(200).describe("Name, title, tag or words describing the entity."),
    kind: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe("Component, API, Resource, System, Group, User..."),
    limit: z.number().int().min(1).max(20).optional(),
  }),
  getEntity: z.object({
    ref: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .describe("Entity reference like component:default/checkout-api (kind and namespace optional)."),
  }),
} satisfies { [N in ChatToolName]: z.ZodType<ChatToolShapes[N]["input"]> };

const countMarkers = (text: string) => text.match(/\[REDACTED/g)?.length ?? 0;

export type ToolRunners = {
  [N in ChatToolName]: (input: ChatToolShapes[N]["input"]) => Promise<ChatToolShapes[N]["output"]>;
};

/**
 * One function per tool, shared by the model's tool set and offline mode.
 * Inputs and outputs pass through `redact`: both travel to the model provider.
 */
export function createToolRunners(deps: ChatToolDeps, redact: (text: string) => string): ToolRunners {
  const clean = <T>(value: T) => redactDeep(value, redact);
  return {
    diagnoseError: async ({ text }) => {
      const safe = redact(text);
      const out = clean(await deps.diagnose(safe));
      return { ...out, redactions: Math.max(out.redactions, countMarkers(safe) - countMarkers(text)) };
    },
    searchRunbooks: async ({ query, limit }) => clean(await deps.searchRunbooks(query, limit ?? 5)),
    getClusterHealth: async ({ namespace }) => clean(await deps.clusterHealth(namespace)),
    getPodDetails: async (ref) => clean(await deps.podDetails(ref)),
    findEntities: async ({ query, kind, limit }) =>
      clean(await deps.findEntities({ text: query, kind }, limit ?? 8)),
    getEntity: async ({ ref }) => clean(await deps.getEntity(ref)),
  };
}

/** The model-facing tool set. */
export function createChatTools(run: ToolRunners) {
  return {
    diagnoseError: tool({
      description:
        "Diagnose an error message or log paste: root-cause category, severity, evidence lines, suggested commands and runbooks.",
      inputSchema: toolInputSchemas.diagnoseError,
      execute: run.diagnoseError,
    }),
    searchRunbooks: tool({
      description: "Search the team's remediation runbooks. Link results as /runbooks/<id>.",
      inputSchema: toolInputSchemas.searchRunbooks,
      execute: run.searchRunbooks,
    }),
    getClusterHealth: tool({
      description: "Current Kubernetes cluster health: nodes, pods, deployments and detected problems.",
      inputSchema: toolInputSchemas.getClusterHealth,
      execute: run.getClusterHealth,
    }),
    getPodDetails: tool({
      description: "One pod's status, containers, restarts, recent events and detected problems.",
      inputSchema: toolInputSchemas.getPodDetails,
      execute: run.getPodDetails,
    }),
    findEntities: tool({
      description: "Search the software catalog (components, APIs, resources, systems, groups, users).",
      inputSchema: toolInputSchemas.findEntities,
      execute: run.findEntities,
    }),
    getEntity: tool({
      description:
        "One catalog entity with its owner, relations and links. Link entities as /catalog/<kind>/<namespace>/<name>.",
      inputSchema: toolInputSchemas.getEntity,
      execute: run.getEntity,
    }),
  };
}

export type ChatTools = ReturnType<typeof createChatTools>;

// Compile-time proof that the tool set and the shared UI types agree.
type Assert<T extends true> = T;
export type ToolShapesMatch = Assert<InferUITools<ChatTools> extends ChatToolShapes ? true : false>;
