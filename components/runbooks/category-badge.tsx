import { CATEGORY_TITLES, isCategory } from "@/lib/diagnose/categories";

export function CategoryBadge({ category }: { category: string }) {
  return (
    <span
      title={isCategory(category) ? CATEGORY_TITLES[category] : undefined}
      className="inline-flex rounded-full bg-brand-50 px-2 py-0.5 font-mono text-xs text-brand-700 ring-1 ring-brand-100 ring-inset dark:bg-slate-800 dark:text-brand-500 dark:ring-slate-700"
    >
      {category}
    </span>
  );
}
