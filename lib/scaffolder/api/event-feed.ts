import type { Db } from "@/lib/db/client";
import { listEvents, type TaskEventView, taskSignals } from "../tasks/task-store";

const TERMINAL = new Set(["completion", "cancelled"]);

export function isTerminalEvent(e: TaskEventView): boolean {
  return TERMINAL.has(e.type);
}

/**
 * Waits until events after `after` exist, this process signals new ones, or `timeoutMs` passes.
 * Other replicas' writes are picked up by polling every `pollMs`.
 */
export async function waitForEvents(
  db: Db,
  taskId: string,
  after: number | undefined,
  options: { timeoutMs: number; pollMs?: number; signal?: AbortSignal },
): Promise<TaskEventView[]> {
  const end = Date.now() + options.timeoutMs;
  for (;;) {
    const events = await listEvents(db, taskId, after);
    if (events.length > 0 || Date.now() >= end || options.signal?.aborted) return events;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        taskSignals.off(`events:${taskId}`, done);
        options.signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(options.pollMs ?? 1000, Math.max(0, end - Date.now())));
      taskSignals.on(`events:${taskId}`, done);
      options.signal?.addEventListener("abort", done);
    });
  }
}
