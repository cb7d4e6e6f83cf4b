import { EventEmitter } from "node:events";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { CatalogTemplate } from "../templates-source/find-template";
import { sealSecrets } from "./secrets-box";

export type TaskStatus = "open" | "processing" | "completed" | "failed" | "cancelled";

/** What a worker needs to run a task, frozen at creation. */
export interface StoredTaskSpec {
  apiVersion: string;
  templateInfo: { entityRef: string; version?: string; baseDir?: string; baseUrl?: string };
  template: Record<string, unknown>;
  user: { ref: string };
}

/** Process-local wake-ups: new events for SSE readers, new tasks for the worker. */
export const taskSignals = new EventEmitter();
taskSignals.setMaxListeners(0);

/** Secrets of tasks created in this process when no sealing key is configured (never persisted). */
const holder = globalThis as unknown as { __porticoTaskSecrets?: Map<string, Record<string, string>> };
export function memorySecrets(): Map<string, Record<string, string>> {
  holder.__porticoTaskSecrets ??= new Map();
  return holder.__porticoTaskSecrets;
}

export async function createTask(
  db: Db,
  input: {
    source: CatalogTemplate;
    values: Record<string, unknown>;
    secrets: Record<string, string>;
    createdBy: string;
    secretsKey?: string;
  },
): Promise<string> {
  const { source } = input;
  const hasSecrets = Object.keys(input.secrets).length > 0;
  const spec: StoredTaskSpec = {
    apiVersion: "scaffolder.backstage.io/v1beta3",
    templateInfo: {
      entityRef: source.template.ref,
      version: source.version,
      baseDir: source.baseDir,
      baseUrl: source.baseUrl,
    },
    template: source.entity as unknown as Record<string, unknown>,
    user: { ref: input.createdBy },
  };
  const task = await db.$transaction(async (tx) => {
    const t = await tx.scaffolderTask.create({
      data: {
        templateRef: source.template.ref,
        templateVersion: source.version ?? null,
        spec: spec as unknown as Prisma.InputJsonValue,
        values: input.values as Prisma.InputJsonValue,
        secretsSealed: hasSecrets && input.secretsKey ? sealSecrets(input.secrets, input.secretsKey) : null,
        hasSecrets,
        status: "open",
        createdBy: input.createdBy,
      },
    });
    await tx.scaffolderTaskStep.createMany({
      data: source.template.steps.map((s, position) => ({
        taskId: t.id,
        stepId: s.id,
        position,
        name: s.name,
        action: s.action,
        status: "open",
      })),
    });
    return t;
  });
  if (hasSecrets && !input.secretsKey) memorySecrets().set(task.id, input.secrets);
  taskSignals.emit("task-created", task.id);
  return task.id;
}

export async function appendEvent(
  db: Db,
  taskId: string,
  type: string,
  body: Record<string, unknown>,
): Promise<void> {
  await db.scaffolderTaskEvent.create({ data: { taskId, type, body: body as Prisma.InputJsonValue } });
  taskSignals.emit(`events:${taskId}`);
}

export interface TaskView {
  id: string;
  spec: {
    apiVersion: string;
    templateInfo: { entityRef: string; version?: string };
    parameters: Record<string, unknown>;
    steps: { id: string; name: string; action: string }[];
    output: Record<string, unknown>;
    user: { ref: string };
  };
  status: TaskStatus;
  createdBy: string;
  createdAt: string;
  lastHeartbeatAt?: string;
  completedAt?: string;
  steps: {
    id: string;
    name: string;
    action: string;
    status: string;
    startedAt?: string;
    endedAt?: string;
    error?: string;
  }[];
  output?: Record<string, unknown>;
  error?: string;
  attempts: number;
}

type TaskRow = Prisma.ScaffolderTaskGetPayload<{ include: { steps: true } }>;

function view(row: TaskRow): TaskView {
  const spec = row.spec as unknown as StoredTaskSpec;
  const tpl = spec.template as { spec?: { output?: Record<string, unknown> } };
  const steps = [...row.steps].sort((a, b) => a.position - b.position);
  return {
    id: row.id,
    spec: {
      apiVersion: spec.apiVersion,
      templateInfo: { entityRef: spec.templateInfo.entityRef, version: spec.templateInfo.version },
      parameters: row.values as Record<string, unknown>,
      steps: steps.map((s) => ({ id: s.stepId, name: s.name, action: s.action })),
      output: tpl.spec?.output ?? {},
      user: spec.user,
    },
    status: row.status as TaskStatus,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastHeartbeatAt: row.heartbeatAt?.toISOString(),
    completedAt: row.completedAt?.toISOString(),
    steps: steps.map((s) => ({
      id: s.stepId,
      name: s.name,
      action: s.action,
      status: s.status,
      startedAt: s.startedAt?.toISOString(),
      endedAt: s.endedAt?.toISOString(),
      error: s.error ?? undefined,
    })),
    output: (row.output as Record<string, unknown> | null) ?? undefined,
    error: row.error ?? undefined,
    attempts: row.attempts,
  };
}

export async function getTask(db: Db, id: string): Promise<TaskView | null> {
  const row = await db.scaffolderTask.findUnique({ where: { id }, include: { steps: true } });
  return row ? view(row) : null;
}

export async function listTasks(
  db: Db,
  q: { createdBy?: string; status?: string; limit: number; offset: number; order: "asc" | "desc" },
): Promise<{ tasks: TaskView[]; totalTasks: number }> {
  const where: Prisma.ScaffolderTaskWhereInput = {};
  if (q.createdBy) where.createdBy = q.createdBy;
  if (q.status) where.status = q.status;
  const [rows, total] = await Promise.all([
    db.scaffolderTask.findMany({
      where,
      include: { steps: true },
      orderBy: { createdAt: q.order },
      take: q.limit,
      skip: q.offset,
    }),
    db.scaffolderTask.count({ where }),
  ]);
  return { tasks: rows.map(view), totalTasks: total };
}

export interface TaskEventView {
  id: number;
  taskId: string;
  type: string;
  body: Record<string, unknown>;
  createdAt: string;
}

export async function listEvents(
  db: Db,
  taskId: string,
  after?: number,
  limit = 1000,
): Promise<TaskEventView[]> {
  const rows = await db.scaffolderTaskEvent.findMany({
    where: { taskId, ...(after !== undefined ? { id: { gt: BigInt(after) } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
  });
  return rows.map((r) => ({
    id: Number(r.id),
    taskId: r.taskId,
    type: r.type,
    body: r.body as Record<string, unknown>,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Open tasks are cancelled at once; a running one is flagged and its worker aborts the step. */
export async function cancelTask(db: Db, id: string): Promise<TaskStatus | null> {
  const task = await db.scaffolderTask.findUnique({ where: { id }, select: { status: true } });
  if (!task) return null;
  if (task.status === "open") {
    const n = await db.scaffolderTask.updateMany({
      where: { id, status: "open" },
      data: { status: "cancelled", cancelRequested: true, completedAt: new Date() },
    });
    if (n.count === 1) {
      await db.scaffolderTaskStep.updateMany({
        where: { taskId: id, status: "open" },
        data: { status: "cancelled" },
      });
      await appendEvent(db, id, "cancelled", { message: "Task was cancelled before it started" });
      return "cancelled";
    }
  }
  if (task.status === "processing" || task.status === "open") {
    await db.scaffolderTask.update({ where: { id }, data: { cancelRequested: true } });
    taskSignals.emit("task-cancel", id);
  }
  return (await db.scaffolderTask.findUnique({ where: { id }, select: { status: true } }))
    ?.status as TaskStatus;
}

export class TaskStateError extends Error {}

/**
 * Puts a failed or cancelled task back in the queue. Completed steps keep their outputs and the
 * workspace snapshot taken after them, so the worker starts at the step that failed.
 */
export async function retryTask(
  db: Db,
  id: string,
  secrets: Record<string, string> | undefined,
  secretsKey: string | undefined,
): Promise<TaskStatus | null> {
  const task = await db.scaffolderTask.findUnique({ where: { id }, select: { status: true } });
  if (!task) return null;
  if (task.status !== "failed" && task.status !== "cancelled") {
    throw new TaskStateError(`Task ${id} is ${task.status}; only failed or cancelled tasks can be retried`);
  }
  const hasNewSecrets = secrets && Object.keys(secrets).length > 0;
  const updated = await db.scaffolderTask.updateMany({
    where: { id, status: task.status },
    data: {
      status: "open",
      cancelRequested: false,
      error: null,
      completedAt: null,
      claimedBy: null,
      leaseUntil: null,
      ...(hasNewSecrets
        ? { hasSecrets: true, secretsSealed: secretsKey ? sealSecrets(secrets, secretsKey) : null }
        : {}),
    },
  });
  if (updated.count !== 1) throw new TaskStateError(`Task ${id} changed state; try again`);
  if (hasNewSecrets && !secretsKey) memorySecrets().set(id, secrets);
  await db.scaffolderTaskStep.updateMany({
    where: { taskId: id, status: { in: ["failed", "skipped", "cancelled", "processing"] } },
    data: { status: "open", error: null, startedAt: null, endedAt: null },
  });
  await appendEvent(db, id, "retry", { message: "Task retried from the failed step" });
  taskSignals.emit("task-created", id);
  return "open";
}
