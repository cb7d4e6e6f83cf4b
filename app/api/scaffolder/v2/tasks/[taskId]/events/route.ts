import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, parseQuery, withRoute } from "@/lib/http";
import { waitForEvents } from "@/lib/scaffolder/api/event-feed";
import { eventsQuery, taskIdParams } from "@/lib/scaffolder/api/schemas";

export const dynamic = "force-dynamic";

/** Backstage's long-poll: returns events after `after`, waiting up to 25 s for the first one. */
export const GET = withRoute<{ taskId: string }>(
  "scaffolder.tasks.events",
  { scope: "scaffolder:run" },
  async ({ req, params }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const { after } = parseQuery(req.url, eventsQuery);
    const db = getDb();
    const task = await db.scaffolderTask.findUnique({ where: { id: taskId }, select: { status: true } });
    if (!task) throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
    const finished = ["completed", "failed", "cancelled"].includes(task.status);
    return Response.json(
      await waitForEvents(db, taskId, after, { timeoutMs: finished ? 0 : 25_000, signal: req.signal }),
    );
  },
);
