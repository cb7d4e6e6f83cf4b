import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams, parseQuery, withRoute } from "@/lib/http";
import { isTerminalEvent, waitForEvents } from "@/lib/scaffolder/api/event-feed";
import { eventsQuery, taskIdParams } from "@/lib/scaffolder/api/schemas";

export const dynamic = "force-dynamic";

/**
 * Server-sent events (`event: <type>`, `id: <event id>`, `data: <event JSON>`), Backstage's
 * format. Resumable: `?after=<id>` or the browser's `Last-Event-ID`. Ends after completion/cancel.
 */
export const GET = withRoute<{ taskId: string }>(
  "scaffolder.tasks.eventstream",
  { scope: "scaffolder:run" },
  async ({ req, params }) => {
    const { taskId } = parsePathParams(params, taskIdParams);
    const q = parseQuery(req.url, eventsQuery);
    const lastId = Number(req.headers.get("last-event-id"));
    let after = q.after ?? (Number.isInteger(lastId) && lastId > 0 ? lastId : undefined);
    const db = getDb();
    if (!(await db.scaffolderTask.findUnique({ where: { id: taskId }, select: { id: true } })))
      throw notFound(`No task ${taskId}`, { fields: [{ field: "taskId", message: "unknown" }] });
    const encoder = new TextEncoder();
    const abort = new AbortController();
    req.signal.addEventListener("abort", () => abort.abort());
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode(": stream open\n\n"));
        try {
          for (;;) {
            const events = await waitForEvents(db, taskId, after, {
              timeoutMs: 15_000,
              signal: abort.signal,
            });
            if (abort.signal.aborted) break;
            if (events.length === 0) {
              controller.enqueue(encoder.encode(": keep-alive\n\n"));
              const t = await db.scaffolderTask.findUnique({
                where: { id: taskId },
                select: { status: true },
              });
              if (!t || ["completed", "failed", "cancelled"].includes(t.status)) break;
              continue;
            }
            let ended = false;
            for (const e of events) {
              controller.enqueue(
                encoder.encode(`event: ${e.type}\nid: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`),
              );
              after = e.id;
              if (isTerminalEvent(e)) ended = true;
            }
            if (ended) break;
          }
        } catch {
          // The client went away or the database failed; the client resumes with Last-Event-ID.
        }
        try {
          controller.close();
        } catch {
          // already closed by a cancelled client
        }
      },
      cancel() {
        abort.abort();
      },
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
      },
    });
  },
);
