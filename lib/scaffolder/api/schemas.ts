import { z } from "zod";

/** Request/response schemas of /api/scaffolder/v2 (Backstage's scaffolder API), shared with OpenAPI. */

const jsonObject = z.record(z.string(), z.unknown());
const secretsSchema = z
  .record(z.string(), z.string().max(64 * 1024))
  .refine((o) => Object.keys(o).length <= 100, "at most 100 secrets")
  .default({});

export const MAX_TASK_BODY_BYTES = 1024 * 1024;
export const MAX_DRY_RUN_BODY_BYTES = 32 * 1024 * 1024;

export const createTaskBody = z.object({
  templateRef: z.string().min(1).max(1024).describe("template:namespace/name"),
  values: jsonObject.default({}),
  secrets: secretsSchema,
});

export const retryTaskBody = z.object({ secrets: secretsSchema }).default({ secrets: {} });

export const taskIdParams = z.object({ taskId: z.uuid({ message: "must be a task id (UUID)" }) });

export const templateParams = z.object({
  namespace: z.string().min(1).max(253),
  kind: z.string().min(1).max(253),
  name: z.string().min(1).max(253),
});

export const listTasksQuery = z.object({
  createdBy: z.string().max(1024).optional(),
  status: z.enum(["open", "processing", "completed", "failed", "cancelled"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(["asc", "desc"]).default("desc"),
});

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
});

export const dryRunBody = z.object({
  template: jsonObject.describe("The template entity (scaffolder.backstage.io/v1beta3)"),
  values: jsonObject.default({}),
  secrets: secretsSchema,
  directoryContents: z
    .array(
      z.object({
        path: z.string().min(1).max(1024),
        base64Content: z.string(),
        executable: z.boolean().optional(),
      }),
    )
    .max(5000)
    .default([]),
});

export const fieldErrors = z.array(z.object({ field: z.string(), message: z.string() }));

export const taskCreatedResponse = z.object({ id: z.string() });

const stepView = z.object({
  id: z.string(),
  name: z.string(),
  action: z.string(),
  status: z.string(),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
  error: z.string().optional(),
});

export const taskResponse = z.object({
  id: z.string(),
  spec: z.object({
    apiVersion: z.string(),
    templateInfo: z.object({ entityRef: z.string(), version: z.string().optional() }),
    parameters: jsonObject,
    steps: z.array(z.object({ id: z.string(), name: z.string(), action: z.string() })),
    output: jsonObject,
    user: z.object({ ref: z.string() }),
  }),
  status: z.enum(["open", "processing", "completed", "failed", "cancelled"]),
  createdBy: z.string(),
  createdAt: z.string(),
  lastHeartbeatAt: z.string().optional(),
  completedAt: z.string().optional(),
  steps: z.array(stepView),
  output: jsonObject.optional(),
  error: z.string().optional(),
  attempts: z.number(),
});

export const taskListResponse = z.object({ tasks: z.array(taskResponse), totalTasks: z.number() });

export const taskEvent = z.object({
  id: z.number(),
  taskId: z.string(),
  type: z.string().describe("log | completion | cancelled | recovered | retry"),
  body: jsonObject,
  createdAt: z.string(),
});

export const parameterSchemaResponse = z.object({
  title: z.string(),
  description: z.string().optional(),
  steps: z.array(z.object({ title: z.string(), description: z.string().optional(), schema: jsonObject })),
});

export const actionResponse = z.object({
  id: z.string(),
  description: z.string(),
  schema: z.object({ input: jsonObject, output: jsonObject.optional() }),
  examples: z.array(z.object({ description: z.string(), example: z.string() })),
  supportsDryRun: z.boolean(),
});

export const lintWarning = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  stepId: z.string().optional(),
});

export const dryRunResponse = z.object({
  status: z.enum(["completed", "failed", "cancelled"]),
  error: z.string().optional(),
  directoryContents: z.array(
    z.object({ path: z.string(), base64Content: z.string(), executable: z.boolean() }),
  ),
  output: jsonObject,
  log: z.array(z.object({ body: jsonObject, createdAt: z.string() })),
  steps: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      action: z.string(),
      status: z.string(),
      durationMs: z.number().optional(),
      error: z.string().optional(),
    }),
  ),
  lint: z.array(lintWarning),
});
