const HEALTHY = new Set(["Running", "Succeeded", "Completed"]);
const PENDING = new Set(["Pending", "ContainerCreating", "PodInitializing"]);

/** Shows the most specific status (a waiting/terminated reason such as CrashLoopBackOff) over the bare phase. */
export function PodStatusBadge({ phase, reason }: { phase: string; reason: string | null }) {
  const label = reason ?? phase;
  const tone = HEALTHY.has(label)
    ? "text-emerald-700 dark:text-emerald-300"
    : PENDING.has(label)
      ? "text-amber-700 dark:text-amber-300"
      : "text-red-700 dark:text-red-300";
  const dot = HEALTHY.has(label) ? "bg-emerald-500" : PENDING.has(label) ? "bg-amber-500" : "bg-red-500";
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium ${tone}`}>
      <span className={`size-1.5 shrink-0 rounded-full ${dot}`} aria-hidden />
      {label}
    </span>
  );
}
