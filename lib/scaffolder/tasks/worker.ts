import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import type { ActionRegistry } from "../actions/registry";
import { parseTemplate } from "../model/template";
import { runTemplate, type StepRecord } from "../runner/run-template";
import type { ScaffolderServices } from "../services";
import { claimTask, heartbeat } from "./claim";
import { openCheckpoint, sealCheckpoint } from "./sealed-checkpoint";
import { openSecrets } from "./secrets-box";
import { appendEvent, memorySecrets, type StoredTaskSpec, taskSignals } from "./task-store";
import { restoreWorkspaceSnapshot, type SnapshotSealing, saveWorkspaceSnapshot } from "./workspace-snapshot";

export interface WorkerOptions {
  db: Db;
  registry: ActionRegistry;
  services: ScaffolderServices;
  workerId: string;
  concurrency: number;
  leaseMs: number;
  secretsKey?: string;
  pollMs?: number;
  log?: Logger;
}

/**
 * Claims tasks from Postgres and runs them, at most `concurrency` at a time. One per server
 * process (lib/scaffolder/service.ts); several replicas share the queue safely.
 */
export class TaskWorker {
  private readonly running = new Map<string, AbortController>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = true;
  private readonly onWake = () => void this.tick();
  private readonly onCancel = (id: string) => this.running.get(id)?.abort(new Error("Task was cancelled"));
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly o: WorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    taskSignals.on("task-created", this.onWake);
    taskSignals.on("task-cancel", this.onCancel);
    this.timer = setInterval(() => void this.tick(), this.o.pollMs ?? 1000);
    this.timer.unref?.();
    void this.tick();
  }

  /** Stops claiming; running tasks are aborted when `abortRunning` (simulates a crash in tests when false + dropped). */
  async stop(options: { abortRunning?: boolean } = {}): Promise<void> {
    this.stopped = true;
    taskSignals.off("task-created", this.onWake);
    taskSignals.off("task-cancel", this.onCancel);
    if (this.timer) clearInterval(this.timer);
    if (options.abortRunning !== false)
      for (const c of this.running.values()) c.abort(new Error("Worker stopping"));
    await Promise.allSettled([...this.inflight]);
  }

  get activeTasks(): number {
    return this.running.size;
  }

  async tick(): Promise<void> {
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      while (!this.stopped && this.running.size < this.o.concurrency) {
        const claimed = await claimTask(this.o.db, this.o.workerId, this.o.leaseMs);
        if (!claimed) break;
        const controller = new AbortController();
        this.running.set(claimed.id, controller);
        const p = this.execute(
          claimed.id,
          claimed.previousStatus === "processing",
          claimed.previousWorker,
          controller,
        )
          .catch((error) => this.o.log?.error({ err: error, taskId: claimed.id }, "scaffolder task crashed"))
          .finally(() => {
            this.running.delete(claimed.id);
            this.inflight.delete(p);
            if (!this.stopped) void this.tick();
          });
        this.inflight.add(p);
      }
    } catch (error) {
      this.o.log?.warn({ err: error }, "scaffolder claim failed");
    } finally {
      this.ticking = false;
    }
  }

  private async execute(
    taskId: string,
    recovered: boolean,
    previousWorker: string | null,
    controller: AbortController,
  ) {
    const { db } = this.o;
    const task = await db.scaffolderTask.findUniqueOrThrow({
      where: { id: taskId },
      include: { steps: true },
    });
    // Events are written in order through one chain per task.
    let chain: Promise<void> = Promise.resolve();
    const emit = (type: string, body: Record<string, unknown>) => {
      chain = chain.then(() => appendEvent(db, taskId, type, body)).catch(() => {});
      return chain;
    };
    let lost = false;
    const beat = setInterval(
      async () => {
        try {
          const hb = await heartbeat(db, taskId, this.o.workerId, this.o.leaseMs);
          if (!hb.owned) {
            lost = true;
            controller.abort(new Error("Lease lost"));
          } else if (hb.cancel) controller.abort(new Error("Task was cancelled"));
        } catch {
          // A missed heartbeat is retried on the next beat; the lease is several beats long.
        }
      },
      Math.max(500, Math.floor(this.o.leaseMs / 3)),
    );
    const workspace = await mkdtemp(path.join(tmpdir(), "portico-task-"));
    try {
      const spec = task.spec as unknown as StoredTaskSpec;
      const completedRows = task.steps
        .filter((s) => s.status === "completed")
        .sort((a, b) => a.position - b.position);
      let completed: Record<string, Record<string, unknown>> = {};
      if (completedRows.length > 0) {
        const snapshotStep = await restoreWorkspaceSnapshot(db, taskId, workspace, this.o.secretsKey);
        const last = completedRows[completedRows.length - 1];
        if (snapshotStep === last.stepId) {
          completed = Object.fromEntries(
            completedRows.map((s) => [s.stepId, (s.output ?? {}) as Record<string, unknown>]),
          );
        } else {
          await rm(workspace, { recursive: true, force: true });
          await import("node:fs/promises").then((fs) => fs.mkdir(workspace, { recursive: true }));
        }
      }
      if (recovered) {
        const from = task.steps
          .filter((s) => !completed[s.stepId])
          .sort((a, b) => a.position - b.position)[0]?.stepId;
        await emit("recovered", {
          message: `Worker ${previousWorker ?? "?"} stopped heartbeating; ${this.o.workerId} resumes the task${from ? ` at step ${from}` : ""}`,
        });
      }
      let secrets: Record<string, string> = {};
      if (task.hasSecrets) {
        const mem = memorySecrets().get(taskId);
        if (task.secretsSealed && this.o.secretsKey)
          secrets = openSecrets(task.secretsSealed, this.o.secretsKey);
        else if (mem) secrets = mem;
        else {
          const message =
            "The task's secrets are not available in this process (no PORTICO_SCAFFOLDER_SECRETS_KEY to seal them, and the process that received them is gone). Retry the task with its secrets.";
          await emit("log", { message, level: "error" });
          await this.finish(taskId, "failed", undefined, message, emit);
          return;
        }
      }
      const sealing = { key: this.o.secretsKey, taskHasSecrets: task.hasSecrets };
      const template = parseTemplate(spec.template);
      const result = await runTemplate({
        template,
        values: task.values as Record<string, unknown>,
        secrets,
        user: spec.user,
        taskId,
        workspacePath: workspace,
        templateInfo: {
          baseDir: spec.templateInfo.baseDir,
          baseUrl: spec.templateInfo.baseUrl,
          entityRef: spec.templateInfo.entityRef,
          version: spec.templateInfo.version,
        },
        registry: this.o.registry,
        services: this.o.services,
        isDryRun: false,
        signal: controller.signal,
        completed,
        hooks: {
          log: (e) => void emit("log", { message: e.message, stepId: e.stepId, level: e.level }),
          step: async (r: StepRecord) => {
            if (completed[r.id] && r.status === "completed") return;
            await db.scaffolderTaskStep.update({
              where: { taskId_stepId: { taskId, stepId: r.id } },
              data: {
                status: r.status,
                startedAt: r.startedAt ? new Date(r.startedAt) : null,
                endedAt: r.endedAt ? new Date(r.endedAt) : null,
                output: r.output ? (r.output as Prisma.InputJsonValue) : undefined,
                error: r.error ?? null,
              },
            });
            if (r.status === "completed") await saveWorkspaceSnapshot(db, taskId, r.id, workspace, sealing);
            await emit("log", { message: `Step ${r.id} ${r.status}`, stepId: r.id, status: r.status });
          },
          checkpoints: await this.checkpointStore(taskId, sealing),
        },
      });
      if (lost) return;
      await this.finish(taskId, result.status, result.output, result.error, emit);
    } finally {
      clearInterval(beat);
      await chain;
      await rm(workspace, { recursive: true, force: true });
      if (!lost) memorySecrets().delete(taskId);
    }
  }

  /**
   * Checkpoint values are action results (tokens, ids) that may carry secrets: sealed when a key is
   * configured; for a task with secrets and no key they stay in this process only.
   */
  private async checkpointStore(taskId: string, sealing: SnapshotSealing) {
    const rows = await this.o.db.scaffolderCheckpoint.findMany({ where: { taskId } });
    const cache = new Map<string, unknown>();
    for (const r of rows) {
      const opened = openCheckpoint(r.value, sealing.key);
      if (opened.ok) cache.set(r.key, opened.value);
    }
    return {
      get: (key: string) => cache.get(key),
      set: async (key: string, value: unknown) => {
        cache.set(key, value);
        if (!sealing.key && sealing.taskHasSecrets) return;
        const v = sealCheckpoint(value, sealing.key);
        await this.o.db.scaffolderCheckpoint.upsert({
          where: { taskId_key: { taskId, key } },
          create: { taskId, key, value: v },
          update: { value: v },
        });
      },
    };
  }

  private async finish(
    taskId: string,
    status: "completed" | "failed" | "cancelled",
    output: Record<string, unknown> | undefined,
    error: string | undefined,
    emit: (type: string, body: Record<string, unknown>) => Promise<void>,
  ) {
    const n = await this.o.db.scaffolderTask.updateMany({
      where: { id: taskId, claimedBy: this.o.workerId, status: "processing" },
      data: {
        status,
        output: output ? (output as Prisma.InputJsonValue) : undefined,
        error: error ?? null,
        completedAt: new Date(),
        leaseUntil: null,
      },
    });
    if (n.count !== 1) return;
    if (status === "cancelled") await emit("cancelled", { message: "Task was cancelled" });
    else
      await emit("completion", {
        message: status === "completed" ? "Run completed" : `Run failed: ${error}`,
        status,
        output,
      });
  }
}
