"use client";

/** "Updated Xs ago" plus a pause toggle for the auto-refresh; `now` is null until mounted (no hydration drift). */
export function RefreshStatus({
  updatedAt,
  now,
  paused,
  fetching,
  onTogglePause,
  onRefresh,
}: {
  updatedAt: number;
  now: number | null;
  paused: boolean;
  fetching: boolean;
  onTogglePause: () => void;
  onRefresh: () => void;
}) {
  const seconds = now === null || updatedAt === 0 ? 0 : Math.max(0, Math.round((now - updatedAt) / 1000));
  const button =
    "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      <span data-testid="updated-ago" aria-live="polite">
        {fetching ? "Refreshing…" : seconds < 2 ? "Updated just now" : `Updated ${seconds}s ago`}
        {paused ? " · auto-refresh paused" : ""}
      </span>
      <button type="button" className={button} aria-pressed={paused} onClick={onTogglePause}>
        {paused ? "Resume" : "Pause"}
      </button>
      <button type="button" className={button} onClick={onRefresh} disabled={fetching}>
        Refresh
      </button>
    </div>
  );
}
