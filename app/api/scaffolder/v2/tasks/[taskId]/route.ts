import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { taskIdParams } from "@/lib/scaffolder/api/schemas";
import { getTask } from "@/lib/scaffolder/tasks/task-store";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ taskId: string }>(
  "scaffolder.tasks.get",
  { scope: "scaffolder:run" },
  async ({ params }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const task = await getTask(getDb(), taskId);
    if (!task) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
    return task;
  },
);
