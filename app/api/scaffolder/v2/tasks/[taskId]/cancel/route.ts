import { auditRequest } from "@/lib/access/audit";
import { authorizeTaskChange } from "@/lib/access/scaffolder-guards";
import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { taskIdParams } from "@/lib/scaffolder/api/schemas";
import { cancelTask } from "@/lib/scaffolder/tasks/task-store";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ taskId: string }>(
  "scaffolder.tasks.cancel",
  { scope: "scaffolder:run" },
  async ({ req, params, principal, log }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const db = getDb();
    await authorizeTaskChange(db, principal, taskId);
    const status = await cancelTask(db, taskId);
    if (!status) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
    await auditRequest(
      db,
      req,
      principal,
      { action: "scaffolder.task.cancel", target: `task:${taskId}` },
      log,
    );
    return { id: taskId, status };
  },
);
