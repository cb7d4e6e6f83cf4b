import {
  diagnoseRequestSchema,
  diagnoseResponseSchema,
  MAX_ERROR_MESSAGE_BYTES,
} from "@/lib/diagnose/schema";
import { clusterHealthSchema } from "@/lib/k8s/schema";
import {
  runbookDetailSchema,
  runbookListResponseSchema,
  suggestRunbookRequestSchema,
  suggestRunbookResponseSchema,
} from "@/lib/runbooks/api-schema";
import { scaffolderOpenApiPaths } from "@/lib/scaffolder/api/openapi-paths";
import { accessPaths, defaultSecurity, securitySchemes, withAccessResponses } from "./access";
import { ComponentCollector } from "./components";
import { errorBodySchema } from "./error-schema";
import { livenessSchema, readinessSchema } from "./health-schema";

type Json = Record<string, unknown>;

export interface OpenApiOptions {
  version: string;
  /** Absolute server URL; omitted means "same origin as the document". */
  serverUrl?: string;
}

const json = (schema: Json, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

// Operations with a per-principal and per-IP rate limit (withRoute's `rateLimit`).
const RATE_LIMITED = new Set(["POST /api/diagnose", "POST /api/suggest-runbook", "POST /api/chat"]);

/**
 * OpenAPI 3.1 description of Portico's AI and operations API, generated from
 * the same zod schemas the routes validate with, so it cannot drift from them.
 */
export function buildOpenApiDocument(options: OpenApiOptions): Json {
  const c = new ComponentCollector();
  const error = c.ref(errorBodySchema, "ErrorBody", "output");
  const err = (description: string) => json(error, description);
  const badRequest = err("Invalid input; `error.details.fields` names each offending field.");
  const unsupported = err("Content-Type is not application/json.");
  const tooLarge = err(
    `error_message exceeds ${MAX_ERROR_MESSAGE_BYTES} bytes (UTF-8), or the body is too large.`,
  );

  const paths: Json = {
    "/api/diagnose": {
      post: {
        operationId: "diagnose",
        tags: ["AI agent"],
        summary: "Diagnose an error message",
        description:
          "Redacts secrets, classifies the text with the offline pattern library and answers with a root cause, fix commands (destructive ones flagged), prevention tips and runbooks. Uses a local OpenAI-compatible model (PORTICO_AI_BASE_URL) or Gemini when configured, with schema-validated structured output, and falls back to the offline engine on any LLM failure; failed optional dependencies are listed in `degraded`. Needs the `diagnose` scope; `include_cluster_health: true` reads live pod data and also needs `cluster:read` (403 naming the field otherwise).",
        requestBody: {
          required: true,
          ...json(c.ref(diagnoseRequestSchema, "DiagnoseRequest", "input"), ""),
        },
        responses: {
          "200": json(c.ref(diagnoseResponseSchema, "DiagnoseResponse", "output"), "Diagnosis."),
          "400": badRequest,
          "403": err(
            "The principal lacks `diagnose`, or asked for `include_cluster_health` without `cluster:read` (`error.details.fields` names the field, `error.details.required_scope` the scope).",
          ),
          "413": tooLarge,
          "415": unsupported,
        },
      },
    },
    "/api/suggest-runbook": {
      post: {
        operationId: "suggestRunbook",
        tags: ["AI agent"],
        summary: "Suggest runbooks for a question or an error",
        description:
          "Hybrid retrieval (vector similarity + BM25) with a category boost. When the vector store is unavailable the answer comes from keyword search and `degraded` contains `vector_store`.",
        requestBody: {
          required: true,
          ...json(c.ref(suggestRunbookRequestSchema, "SuggestRunbookRequest", "input"), ""),
        },
        responses: {
          "200": json(
            c.ref(suggestRunbookResponseSchema, "SuggestRunbookResponse", "output"),
            "Ranked runbooks.",
          ),
          "400": badRequest,
          "413": tooLarge,
          "415": unsupported,
        },
      },
    },
    "/api/runbooks": {
      get: {
        operationId: "listRunbooks",
        tags: ["Runbooks"],
        summary: "List or search runbooks",
        parameters: [
          {
            name: "q",
            in: "query",
            required: false,
            description: "Search text; omit to list every runbook.",
            schema: { type: "string", maxLength: 2000 },
          },
          {
            name: "limit",
            in: "query",
            required: false,
            description: "Maximum search results.",
            schema: { type: "integer", minimum: 1, maximum: 50, default: 20 },
          },
        ],
        responses: {
          "200": json(c.ref(runbookListResponseSchema, "RunbookList", "output"), "Runbooks."),
          "400": badRequest,
        },
      },
    },
    "/api/runbooks/{id}": {
      get: {
        operationId: "getRunbook",
        tags: ["Runbooks"],
        summary: "Get one runbook's markdown and front matter",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", example: "oomkilled" } },
        ],
        responses: {
          "200": json(c.ref(runbookDetailSchema, "RunbookDetail", "output"), "The runbook."),
          "404": err("No runbook with that id."),
        },
      },
    },
    "/api/cluster-health": {
      get: {
        operationId: "getClusterHealth",
        tags: ["Kubernetes"],
        summary: "Cluster health summary and detected problems",
        description:
          "Never a 5xx for cluster trouble: an unreachable cluster is `connected: false`, a failing resource list is an entry in `errors`.",
        parameters: [
          {
            name: "namespace",
            in: "query",
            required: false,
            description: "Restrict to one namespace (DNS-1123 label); empty means all.",
            schema: { type: "string", maxLength: 63 },
          },
        ],
        responses: {
          "200": json(c.ref(clusterHealthSchema, "ClusterHealth", "output"), "Cluster health."),
          "400": badRequest,
        },
      },
    },
    "/api/health": {
      get: {
        operationId: "getHealth",
        tags: ["Operations"],
        summary: "Liveness and readiness",
        parameters: [
          {
            name: "probe",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["live", "ready"], default: "ready" },
          },
        ],
        responses: {
          "200": json(
            {
              oneOf: [
                c.ref(readinessSchema, "Readiness", "output"),
                c.ref(livenessSchema, "Liveness", "output"),
              ],
            },
            "Ready (default probe) or alive (`probe=live`).",
          ),
          "400": badRequest,
          "503": json(
            c.ref(readinessSchema, "Readiness", "output"),
            "Not ready: `failing` names the checks.",
          ),
        },
      },
    },
    "/api/metrics": {
      get: {
        operationId: "getMetrics",
        tags: ["Operations"],
        summary: "Prometheus metrics of this replica",
        description:
          "Prometheus text exposition (prom-client): request counts and latency per route and status, catalog entity counts, refresh durations and failures, diagnose and LLM latency and tokens, open chat streams, Kubernetes API errors, process metrics. Needs `Authorization: Bearer <PORTICO_METRICS_TOKEN>` when that variable is set.",
        responses: {
          "200": {
            description: "Metrics in the Prometheus text format 0.0.4.",
            content: { "text/plain; version=0.0.4; charset=utf-8": { schema: { type: "string" } } },
          },
          "401": err("PORTICO_METRICS_TOKEN is set and the bearer token is missing or wrong."),
        },
      },
    },
    ...scaffolderOpenApiPaths(c, error),
  };

  const health = (paths["/api/health"] as { get: Json }).get;
  health.security = [];
  Object.assign(paths, accessPaths(c, error));
  withAccessResponses(paths, error, RATE_LIMITED);

  return {
    openapi: "3.1.0",
    info: {
      title: "Portico API",
      version: options.version,
      description:
        "AI DevOps agent, runbooks and operations endpoints of the Portico developer portal. Every response carries `X-Request-Id`; errors use the ErrorBody shape. On every route, before routing: a Host other than PORTICO_PUBLIC_URL's (or a loopback alias) gets 421 `misdirected_request` (except /api/health), a cross-origin write from an origin outside PORTICO_CORS_ORIGINS gets 403 `origin_not_allowed`, and a body over PORTICO_MAX_BODY_BYTES gets 413 `payload_too_large`.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    tags: [
      { name: "AI agent" },
      { name: "Runbooks" },
      { name: "Kubernetes" },
      { name: "Operations" },
      { name: "Access" },
      { name: "Scaffolder" },
    ],
    security: defaultSecurity,
    paths,
    components: { schemas: c.schemas, securitySchemes },
  };
}
