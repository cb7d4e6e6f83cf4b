import type { Db } from "@/lib/db/client";
import type { TaskStatus } from "@/lib/scaffolder/tasks/task-store";
import type { GaugeSource } from "./sources";

const STATES: readonly TaskStatus[] = ["open", "processing", "completed", "failed", "cancelled"];

/**
 * Scaffolder tasks by state, read from Postgres (the task queue is shared by every replica,
 * so each reports the same numbers). Every state is reported, 0 included, so an alert on
 * "open tasks piling up" sees a series from the first scrape.
 */
export function scaffolderTasksSource(getDb: () => Db): GaugeSource {
  return {
    name: "portico_scaffolder_tasks",
    help: "Scaffolder tasks stored, by state (open, processing, completed, failed, cancelled)",
    labelNames: ["state"],
    async collect() {
      const rows = await getDb().$queryRaw<{ status: string; n: number }[]>`
        SELECT status, count(*)::int AS n FROM scaffolder_tasks GROUP BY status`;
      const counts = new Map<string, number>(STATES.map((s) => [s, 0]));
      for (const r of rows) counts.set(r.status, Number(r.n));
      return [...counts].map(([state, value]) => ({ labels: { state }, value }));
    },
  };
}
