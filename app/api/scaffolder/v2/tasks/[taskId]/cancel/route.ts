import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { taskIdParams } from "@/lib/scaffolder/api/schemas";
import { cancelTask } from "@/lib/scaffolder/tasks/task-store";

export const dynamic = "force-dynamic";

export const POST = withRoute<{ taskId: string }>(
  "scaffolder.tasks.cancel",
  { scope: "scaffolder:run" },
  async ({ params }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const status = await cancelTask(getDb(), taskId);
    if (!status) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
    return { id: taskId, status };
  },
);
