"use client";

import { useState } from "react";
import type { FacetCounts, FacetName } from "@/lib/catalog/queries/list-entities";
import { shortRef } from "@/lib/catalog/ui/entity-href";
import { FACET_NAMES } from "@/lib/catalog/ui/list-params";

const LABELS: Record<FacetName, string> = {
  kind: "Kind",
  type: "Type",
  owner: "Owner",
  lifecycle: "Lifecycle",
  namespace: "Namespace",
  tags: "Tags",
};
const SHOWN = 8;

function FacetGroup({
  facet,
  options,
  selected,
  onToggle,
}: {
  facet: FacetName;
  options: Array<{ value: string; count: number }>;
  selected: string[];
  onToggle: (facet: FacetName, value: string) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  // Selected values stay visible even when they fall outside the top counts.
  const seen = new Set(options.map((o) => o.value.toLowerCase()));
  const all = [...options, ...selected.filter((s) => !seen.has(s)).map((value) => ({ value, count: 0 }))];
  const visible = expanded ? all : all.slice(0, SHOWN);
  if (!all.length) return null;
  return (
    <fieldset className="border-t border-slate-200 py-3 first:border-t-0 dark:border-slate-800">
      <legend className="float-left mb-2 w-full text-xs font-semibold uppercase tracking-wide text-slate-500">
        {LABELS[facet]}
      </legend>
      <ul className="clear-both space-y-1">
        {visible.map((o) => {
          const checked = selected.includes(o.value.toLowerCase());
          const label = facet === "owner" ? shortRef(o.value, "group") : o.value;
          return (
            <li key={o.value}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => onToggle(facet, o.value)}
                  className="size-4 rounded border-slate-300 accent-brand-600"
                  data-facet={facet}
                  data-value={o.value.toLowerCase()}
                />
                <span className="min-w-0 flex-1 truncate" title={o.value}>
                  {label}
                </span>
                <span className="text-xs tabular-nums text-slate-500" data-testid="facet-count">
                  {o.count}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {all.length > SHOWN && (
        <button
          type="button"
          onClick={() => setExpanded((e) => !e)}
          className="mt-1 px-1 text-xs font-medium text-brand-600 hover:underline dark:text-brand-500"
        >
          {expanded ? "Show fewer" : `Show all ${all.length}`}
        </button>
      )}
    </fieldset>
  );
}

/** Multi-select filters; each facet's counts ignore its own selection, so options never vanish. */
export function FacetPanel({
  facets,
  selected,
  onToggle,
}: {
  facets: FacetCounts | undefined;
  selected: Record<FacetName, string[]>;
  onToggle: (facet: FacetName, value: string) => void;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-1 dark:border-slate-800 dark:bg-slate-900">
      {FACET_NAMES.map((f) => (
        <FacetGroup
          key={f}
          facet={f}
          options={facets?.[f] ?? []}
          selected={selected[f]}
          onToggle={onToggle}
        />
      ))}
    </div>
  );
}
