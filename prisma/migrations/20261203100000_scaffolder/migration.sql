-- Scaffolder tasks, steps, events, checkpoints and workspace snapshots.

-- CreateTable
CREATE TABLE "scaffolder_tasks" (
    "id" UUID NOT NULL,
    "template_ref" TEXT NOT NULL,
    "template_version" TEXT,
    "spec" JSONB NOT NULL,
    "values" JSONB NOT NULL,
    "secrets_sealed" TEXT,
    "has_secrets" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "claimed_by" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "output" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "scaffolder_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scaffolder_task_steps" (
    "task_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "output" JSONB,
    "error" TEXT,

    CONSTRAINT "scaffolder_task_steps_pkey" PRIMARY KEY ("task_id","step_id")
);

-- CreateTable
CREATE TABLE "scaffolder_task_events" (
    "id" BIGSERIAL NOT NULL,
    "task_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scaffolder_task_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scaffolder_checkpoints" (
    "task_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "scaffolder_checkpoints_pkey" PRIMARY KEY ("task_id","key")
);

-- CreateTable
CREATE TABLE "scaffolder_workspaces" (
    "task_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "contents" BYTEA NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scaffolder_workspaces_pkey" PRIMARY KEY ("task_id")
);

-- CreateIndex
CREATE INDEX "scaffolder_tasks_status_created_at_idx" ON "scaffolder_tasks"("status", "created_at");

-- CreateIndex
CREATE INDEX "scaffolder_tasks_created_by_created_at_idx" ON "scaffolder_tasks"("created_by", "created_at" DESC);

-- CreateIndex
CREATE INDEX "scaffolder_tasks_created_at_idx" ON "scaffolder_tasks"("created_at" DESC);

-- CreateIndex
CREATE INDEX "scaffolder_task_events_task_id_id_idx" ON "scaffolder_task_events"("task_id", "id");

-- AddForeignKey
ALTER TABLE "scaffolder_task_steps" ADD CONSTRAINT "scaffolder_task_steps_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "scaffolder_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scaffolder_task_events" ADD CONSTRAINT "scaffolder_task_events_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "scaffolder_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scaffolder_checkpoints" ADD CONSTRAINT "scaffolder_checkpoints_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "scaffolder_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scaffolder_workspaces" ADD CONSTRAINT "scaffolder_workspaces_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "scaffolder_tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
