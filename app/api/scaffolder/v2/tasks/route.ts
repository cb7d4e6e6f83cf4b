import { auditRequest } from "@/lib/access/audit";
import { taskCreatorRef } from "@/lib/access/scaffolder-guards";
import { getDb } from "@/lib/db/client";
import { parseJsonBody, parseQuery, withRoute } from "@/lib/http";
import { scaffolderErrorResponse } from "@/lib/scaffolder/api/handlers";
import { createTaskBody, listTasksQuery, MAX_TASK_BODY_BYTES } from "@/lib/scaffolder/api/schemas";
import { startTask } from "@/lib/scaffolder/service";
import { listTasks } from "@/lib/scaffolder/tasks/task-store";

export const dynamic = "force-dynamic";

/** 201 `{id}`; 400 `{errors}` for unknown actions or values failing the template's schema. */
export const POST = withRoute(
  "scaffolder.tasks.create",
  { scope: "scaffolder:run", rateLimit: "scaffolder-task" },
  async ({ req, principal, log }) => {
    const body = await parseJsonBody(req, createTaskBody, MAX_TASK_BODY_BYTES);
    const db = getDb();
    try {
      const id = await startTask({ ...body, createdBy: await taskCreatorRef(db, principal) });
      await auditRequest(
        db,
        req,
        principal,
        {
          action: "scaffolder.task.create",
          target: `task:${id}`,
          details: { templateRef: body.templateRef },
        },
        log,
      );
      return Response.json({ id }, { status: 201 });
    } catch (error) {
      return scaffolderErrorResponse(error);
    }
  },
);

export const GET = withRoute("scaffolder.tasks.list", { scope: "scaffolder:run" }, async ({ req }) => {
  const q = parseQuery(req.url, listTasksQuery);
  return listTasks(getDb(), q);
});
