import { auditRequest } from "@/lib/access/audit";
import { authorizeTaskChange } from "@/lib/access/scaffolder-guards";
import { getDb } from "@/lib/db/client";
import { conflict, notFound, parseJsonBody, parsePathParams, withRoute } from "@/lib/http";
import { retryTaskBody, taskIdParams } from "@/lib/scaffolder/api/schemas";
import { getScaffolderConfig } from "@/lib/scaffolder/config";
import { startScaffolderWorker } from "@/lib/scaffolder/service";
import { retryTask, TaskStateError } from "@/lib/scaffolder/tasks/task-store";

export const dynamic = "force-dynamic";

/** Re-queues a failed/cancelled task; the worker starts at the failed step. Body `{secrets}` is optional. */
export const POST = withRoute<{ taskId: string }>(
  "scaffolder.tasks.retry",
  { scope: "scaffolder:run" },
  async ({ req, params, principal, log }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const db = getDb();
    await authorizeTaskChange(db, principal, taskId);
    const hasBody =
      (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding");
    const body = hasBody ? await parseJsonBody(req, retryTaskBody, 256 * 1024) : { secrets: {} };
    try {
      const status = await retryTask(db, taskId, body.secrets, getScaffolderConfig().secretsKey);
      if (!status) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
      startScaffolderWorker();
      await auditRequest(
        db,
        req,
        principal,
        { action: "scaffolder.task.retry", target: `task:${taskId}` },
        log,
      );
      return { id: taskId, status };
    } catch (error) {
      if (error instanceof TaskStateError) throw conflict(error.message);
      throw error;
    }
  },
);
