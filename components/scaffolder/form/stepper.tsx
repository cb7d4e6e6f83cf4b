/** The wizard's progress: one item per form page plus Review; finished pages can be revisited. */
export function Stepper({
  titles,
  active,
  reachable,
  onSelect,
}: {
  titles: string[];
  active: number;
  reachable: number;
  onSelect: (index: number) => void;
}) {
  return (
    <nav aria-label="Progress">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {titles.map((title, i) => {
          const done = i < active;
          const current = i === active;
          return (
            <li key={title} className="flex items-center gap-2">
              <button
                type="button"
                onClick={() => onSelect(i)}
                disabled={i > reachable || current}
                aria-current={current ? "step" : undefined}
                aria-label={`Step ${i + 1}: ${title}${done ? " (completed)" : ""}`}
                className={`flex items-center gap-2 rounded-full px-2 py-1 disabled:cursor-default ${
                  current
                    ? "font-semibold text-brand-700 dark:text-brand-500"
                    : done
                      ? "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
                      : "text-slate-400"
                }`}
              >
                <span
                  aria-hidden
                  className={`flex size-6 items-center justify-center rounded-full text-xs ${
                    current
                      ? "bg-brand-600 text-white"
                      : done
                        ? "bg-emerald-600 text-white"
                        : "border border-slate-300 dark:border-slate-600"
                  }`}
                >
                  {done ? "✓" : i + 1}
                </span>
                {title}
              </button>
              {i < titles.length - 1 && (
                <span aria-hidden className="h-px w-6 bg-slate-300 dark:bg-slate-700" />
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
