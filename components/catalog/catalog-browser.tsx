"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { FacetName } from "@/lib/catalog/queries/list-entities";
import {
  type CatalogListParams,
  type CatalogListResponse,
  catalogListKey,
  FACET_NAMES,
  listParamsToSearch,
  parseListParams,
  type SortKey,
  toggleFacet,
} from "@/lib/catalog/ui/list-params";
import { EntityResults } from "./entity-results";
import { FacetPanel } from "./facet-panel";
import { Pagination } from "./pagination";
import { useDebouncedValue } from "./use-debounced-value";

async function fetchList(p: CatalogListParams, signal: AbortSignal): Promise<CatalogListResponse> {
  const res = await fetch(`/api/catalog-ui/list?${listParamsToSearch(p)}`, { signal });
  if (!res.ok) throw new Error(`Catalog request failed (${res.status})`);
  return res.json();
}

const SORT_LABELS: Record<SortKey, string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  kind: "Kind",
  "-kind": "Kind (reverse)",
  "-updated": "Recently updated",
  updated: "Least recently updated",
};

// Native history updates are picked up by useSearchParams without a server round-trip;
// the list itself comes from TanStack Query.
function go(p: CatalogListParams, mode: "push" | "replace") {
  const qs = listParamsToSearch(p);
  const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/** The /catalog table: URL state, facets, debounced search, sort and pages. */
export function CatalogBrowser() {
  const searchParams = useSearchParams();
  const params = useMemo(() => parseListParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const [text, setText] = useState(params.q);
  // Lets tests (and styles) tell a hydrated, interactive list from the server-rendered one.
  const [hydrated, setHydrated] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  useEffect(() => setHydrated(true), []);
  const debounced = useDebouncedValue(text, 250);

  // Back/forward or a link can change q under us: follow it.
  useEffect(() => setText(params.q), [params.q]);
  // Navigate only when the debounced text changes, never because the URL did (that would undo back/forward).
  const paramsRef = useRef(params);
  paramsRef.current = params;
  useEffect(() => {
    const p = paramsRef.current;
    if (debounced.trim() !== p.q) go({ ...p, q: debounced.trim(), page: 1 }, "replace");
  }, [debounced]);

  const query = useQuery({
    queryKey: catalogListKey(params),
    queryFn: ({ signal }) => fetchList(params, signal),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const selected = Object.fromEntries(FACET_NAMES.map((f) => [f, params[f]])) as Record<FacetName, string[]>;
  const active = FACET_NAMES.flatMap((f) => params[f].map((v) => ({ f, v })));
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]" data-hydrated={hydrated}>
      <aside aria-label="Filters" className="lg:sticky lg:top-6 lg:self-start">
        {/* Phones: filters fold away behind a toggle so results come first. */}
        <button
          type="button"
          aria-expanded={filtersOpen}
          aria-controls="catalog-facets"
          onClick={() => setFiltersOpen((o) => !o)}
          className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium lg:hidden dark:border-slate-700 dark:bg-slate-900"
        >
          Filters{active.length ? ` (${active.length})` : ""}{" "}
          <span aria-hidden>{filtersOpen ? "▴" : "▾"}</span>
        </button>
        <div id="catalog-facets" className={filtersOpen ? "mt-3 lg:mt-0" : "hidden lg:block"}>
          <FacetPanel
            facets={data?.facets}
            selected={selected}
            onToggle={(f, v) => go(toggleFacet(params, f, v), "push")}
          />
        </div>
      </aside>
      <section aria-label="Entities" className="min-w-0">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <label className="relative flex-1">
            <span className="sr-only">Search the catalog</span>
            <input
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Search by name, title, description, tag…"
              className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
            />
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
            <input
              type="checkbox"
              checked={params.includeOrphans}
              onChange={(e) => go({ ...params, includeOrphans: e.target.checked, page: 1 }, "push")}
              className="accent-brand-600"
            />
            Show orphans
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
            Sort
            <select
              aria-label="Sort by"
              value={params.sort}
              onChange={(e) => go({ ...params, sort: e.target.value as SortKey, page: 1 }, "push")}
              className="rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              {Object.entries(SORT_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {active.length > 0 && (
          <ul className="mt-3 flex flex-wrap items-center gap-2" aria-label="Active filters">
            {active.map(({ f, v }) => (
              <li key={`${f}:${v}`}>
                <button
                  type="button"
                  onClick={() => go(toggleFacet(params, f, v), "push")}
                  className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2.5 py-1 text-xs font-medium text-brand-700 hover:bg-brand-100 dark:bg-slate-800 dark:text-brand-100"
                  aria-label={`Remove filter ${f}: ${v}`}
                >
                  {f}: {v} <span aria-hidden>×</span>
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                onClick={() => go({ ...parseListParams({}), q: params.q, sort: params.sort }, "push")}
                className="text-xs font-medium text-slate-500 hover:underline"
              >
                Clear all
              </button>
            </li>
          </ul>
        )}
        <div className="mt-4" aria-busy={query.isFetching}>
          <p
            className="mb-2 text-sm text-slate-500 dark:text-slate-400"
            role="status"
            data-testid="catalog-total"
          >
            {data
              ? `${data.total.toLocaleString("en")} ${data.total === 1 ? "entity" : "entities"}`
              : "Loading…"}
            {query.isFetching && data ? " · updating…" : ""}
          </p>
          {query.isError && (
            <p
              role="alert"
              className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
            >
              {(query.error as Error).message}
            </p>
          )}
          {data && data.items.length === 0 && (
            <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
              <p className="font-medium">No entities match</p>
              <p className="mt-1 text-sm text-slate-500">Try removing a filter or changing the search.</p>
            </div>
          )}
          {data && data.items.length > 0 && (
            <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
              <EntityResults items={data.items} />
              <Pagination
                page={params.page}
                pages={pages}
                total={data.total}
                pageSize={data.pageSize}
                onPage={(page) => go({ ...params, page }, "push")}
              />
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
