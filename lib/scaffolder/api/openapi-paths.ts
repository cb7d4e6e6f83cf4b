import type { ComponentCollector } from "@/lib/openapi/components";
import {
  actionResponse,
  createTaskBody,
  dryRunBody,
  dryRunResponse,
  fieldErrors,
  parameterSchemaResponse,
  retryTaskBody,
  taskCreatedResponse,
  taskEvent,
  taskListResponse,
  taskResponse,
} from "./schemas";

type Json = Record<string, unknown>;

const json = (schema: Json, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The /api/scaffolder/v2 paths (Backstage's scaffolder API) for Portico's OpenAPI document. */
export function scaffolderOpenApiPaths(c: ComponentCollector, error: Json): Json {
  const err = (d: string) => json(error, d);
  const taskId = { name: "taskId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
  const after = {
    name: "after",
    in: "query",
    required: false,
    description: "Only events with a greater id (resume).",
    schema: { type: "integer", minimum: 0 },
  };
  const withErrors = {
    allOf: [
      error,
      { type: "object", properties: { errors: c.ref(fieldErrors, "ScaffolderFieldErrors", "output") } },
    ],
  };
  const tags = ["Scaffolder"];
  const templatePathParams = ["namespace", "kind", "name"].map((n) => ({
    name: n,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  return {
    "/api/scaffolder/v2/actions": {
      get: {
        operationId: "listScaffolderActions",
        tags,
        summary: "Installed template actions with input/output JSON Schemas and examples",
        responses: {
          "200": json(
            { type: "array", items: c.ref(actionResponse, "ScaffolderAction", "output") },
            "Actions.",
          ),
        },
      },
    },
    "/api/scaffolder/v2/templates/{namespace}/{kind}/{name}/parameter-schema": {
      get: {
        operationId: "getTemplateParameterSchema",
        tags,
        summary: "A template's parameter pages as JSON Schemas",
        parameters: templatePathParams,
        responses: {
          "200": json(c.ref(parameterSchemaResponse, "TemplateParameterSchema", "output"), "Pages."),
          "404": err("No such template."),
        },
      },
    },
    "/api/scaffolder/v2/templates/{namespace}/{kind}/{name}/lint": {
      get: {
        operationId: "lintTemplate",
        tags,
        summary: "Portico extension: a catalog template's lint findings",
        description:
          "The checks run when a template is registered or refreshed (also stored as TEMPLATE_LINT location problems): unknown actions, literal inputs failing an action's schema, undefined variables in template.yaml and the skeleton, and skeleton catalog-info.yaml / JSON files that cannot parse.",
        parameters: templatePathParams,
        responses: {
          "200": json(
            {
              type: "object",
              required: ["entityRef", "warnings"],
              properties: {
                entityRef: { type: "string" },
                warnings: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["severity", "code", "message", "file"],
                    properties: {
                      severity: { type: "string", enum: ["error", "warning"] },
                      code: { type: "string" },
                      message: { type: "string" },
                      file: { type: "string" },
                      line: { type: "integer" },
                      column: { type: "integer" },
                      stepId: { type: "string" },
                    },
                  },
                },
              },
            },
            "Findings.",
          ),
          "404": err("No such template."),
        },
      },
    },
    "/api/scaffolder/v2/tasks": {
      post: {
        operationId: "createScaffolderTask",
        tags,
        summary: "Run a template",
        description:
          "Checks that every action is registered and that the values satisfy the template's schema (after applying its defaults) before anything is stored. Secrets (`secrets` and `ui:field: Secret` values) are never stored in plain text.",
        requestBody: { required: true, ...json(c.ref(createTaskBody, "CreateScaffolderTask", "input"), "") },
        responses: {
          "201": json(c.ref(taskCreatedResponse, "ScaffolderTaskCreated", "output"), "Task queued."),
          "400": json(withErrors, "Unknown action or invalid values; `errors` names each field."),
          "404": err("No such template."),
        },
      },
      get: {
        operationId: "listScaffolderTasks",
        tags,
        summary: "List tasks",
        parameters: [
          { name: "createdBy", in: "query", required: false, schema: { type: "string" } },
          {
            name: "status",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["open", "processing", "completed", "failed", "cancelled"] },
          },
          {
            name: "limit",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: 500, default: 100 },
          },
          {
            name: "offset",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 0, default: 0 },
          },
          {
            name: "order",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["asc", "desc"], default: "desc" },
          },
        ],
        responses: {
          "200": json(c.ref(taskListResponse, "ScaffolderTaskList", "output"), "Tasks."),
          "400": err("Bad query."),
        },
      },
    },
    "/api/scaffolder/v2/tasks/{taskId}": {
      get: {
        operationId: "getScaffolderTask",
        tags,
        summary: "One task with its steps, output and error",
        parameters: [taskId],
        responses: {
          "200": json(c.ref(taskResponse, "ScaffolderTask", "output"), "Task."),
          "404": err("No such task."),
        },
      },
    },
    "/api/scaffolder/v2/tasks/{taskId}/cancel": {
      post: {
        operationId: "cancelScaffolderTask",
        tags,
        summary: "Cancel a task (aborts the running step)",
        parameters: [taskId],
        responses: {
          "200": json(
            { type: "object", properties: { id: { type: "string" }, status: { type: "string" } } },
            "New status.",
          ),
          "404": err("No such task."),
        },
      },
    },
    "/api/scaffolder/v2/tasks/{taskId}/retry": {
      post: {
        operationId: "retryScaffolderTask",
        tags,
        summary: "Retry a failed or cancelled task from the failed step",
        parameters: [taskId],
        requestBody: { required: false, ...json(c.ref(retryTaskBody, "RetryScaffolderTask", "input"), "") },
        responses: {
          "200": json(
            { type: "object", properties: { id: { type: "string" }, status: { type: "string" } } },
            "Re-queued.",
          ),
          "404": err("No such task."),
          "409": err("The task is not failed or cancelled."),
        },
      },
    },
    "/api/scaffolder/v2/tasks/{taskId}/events": {
      get: {
        operationId: "listScaffolderTaskEvents",
        tags,
        summary: "Task events after `after` (long-poll, up to 25 s)",
        parameters: [taskId, after],
        responses: {
          "200": json({ type: "array", items: c.ref(taskEvent, "ScaffolderTaskEvent", "output") }, "Events."),
          "404": err("No such task."),
        },
      },
    },
    "/api/scaffolder/v2/tasks/{taskId}/eventstream": {
      get: {
        operationId: "streamScaffolderTaskEvents",
        tags,
        summary: "Task events as server-sent events; resumable with `after` or Last-Event-ID",
        parameters: [taskId, after],
        responses: {
          "200": {
            description:
              "`text/event-stream`: `event: <type>`, `id: <event id>`, `data: <ScaffolderTaskEvent>`.",
            content: { "text/event-stream": { schema: { type: "string" } } },
          },
          "404": err("No such task."),
        },
      },
    },
    "/api/scaffolder/v2/dry-run": {
      post: {
        operationId: "dryRunTemplate",
        tags,
        summary: "Run a template without side effects",
        description:
          "Writes `directoryContents` to a temporary folder, resolves `fetch:*` relative URLs against it, fakes publishers and catalog registration, and returns the workspace, output, log, steps and lint warnings.",
        requestBody: { required: true, ...json(c.ref(dryRunBody, "ScaffolderDryRunRequest", "input"), "") },
        responses: {
          "200": json(
            c.ref(dryRunResponse, "ScaffolderDryRunResponse", "output"),
            "Dry-run result (a failed step is status `failed`, not an HTTP error).",
          ),
          "400": json(withErrors, "Invalid template, values or file paths."),
          "413": err("Body too large."),
        },
      },
    },
  };
}
