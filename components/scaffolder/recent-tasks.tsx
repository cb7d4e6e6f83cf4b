"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchTasks } from "./api";
import { humanizeEntityRef } from "./entity-ref";
import { linkClass, panelClass } from "./ui";

/** The latest runs, newest first, so a running or failed task is one click away from /create. */
export function RecentTasks() {
  const query = useQuery({
    queryKey: ["scaffolder", "tasks", "recent"],
    queryFn: ({ signal }) => fetchTasks({ limit: 10 }, signal),
    refetchInterval: 10_000,
  });
  const tasks = query.data?.tasks ?? [];
  if (query.isError || (query.data && tasks.length === 0)) return null;
  return (
    <section aria-labelledby="recent-runs" className={`mt-8 ${panelClass}`}>
      <h2 id="recent-runs" className="mb-2 text-sm font-semibold">
        Recent runs
      </h2>
      {!query.data ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {tasks.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/create/tasks/${encodeURIComponent(t.id)}`} className={linkClass}>
                {t.spec.templateInfo?.entityRef
                  ? humanizeEntityRef(t.spec.templateInfo.entityRef, { defaultKind: "template" })
                  : t.id}
              </Link>
              <span className="flex items-center gap-3 text-xs text-slate-500">
                <span data-status={t.status}>{t.status}</span>
                <time dateTime={t.createdAt}>{new Date(t.createdAt).toLocaleString("en-GB")}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
