const base = "inline-flex items-center rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset";

const LIFECYCLE: Record<string, string> = {
  production: "bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
  experimental: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
  deprecated: "bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-950 dark:text-rose-300",
};
const NEUTRAL = "bg-slate-50 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-300";

export function LifecycleBadge({ lifecycle }: { lifecycle: string | null | undefined }) {
  if (!lifecycle) return null;
  return <span className={`${base} ${LIFECYCLE[lifecycle.toLowerCase()] ?? NEUTRAL}`}>{lifecycle}</span>;
}

export function KindBadge({ kind }: { kind: string }) {
  return (
    <span
      className={`${base} bg-brand-50 text-brand-700 ring-brand-600/20 dark:bg-slate-800 dark:text-brand-100`}
    >
      {kind}
    </span>
  );
}

export function OrphanBadge() {
  return (
    <span
      title="No location provides this entity any more"
      className={`${base} bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-950 dark:text-rose-300`}
    >
      orphan
    </span>
  );
}

export function TagList({ tags, max = 4 }: { tags: string[]; max?: number }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, max);
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {shown.map((t) => (
        <li key={t} className={`${base} ${NEUTRAL}`}>
          {t}
        </li>
      ))}
      {tags.length > max && <li className="text-xs text-slate-500">+{tags.length - max}</li>}
    </ul>
  );
}
