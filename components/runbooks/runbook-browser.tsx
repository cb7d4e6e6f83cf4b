"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { RunbookCard } from "./runbook-card";
import { fetchRunbooks, runbookKeys } from "./runbook-queries";

const DEBOUNCE_MS = 250;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/** Runbook list with hybrid search; the query lives in `?q=` so results can be shared and linked to. */
export function RunbookBrowser({ initialQuery }: { initialQuery: string }) {
  const [text, setText] = useState(initialQuery);
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const inputId = useId();
  const { data, isFetching, error } = useQuery({
    queryKey: runbookKeys.list(q),
    queryFn: ({ signal }) => fetchRunbooks(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  useEffect(() => {
    const url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    window.history.replaceState(window.history.state, "", url);
  }, [q]);

  const items = data?.items ?? [];
  const status = !data
    ? "Loading runbooks…"
    : data.query
      ? `${items.length} runbook${items.length === 1 ? "" : "s"} match “${data.query}”`
      : `${items.length} runbooks`;

  return (
    <div>
      <search className="mb-4 block">
        <label htmlFor={inputId} className="mb-1 block text-sm font-medium">
          Search runbooks
        </label>
        <input
          id={inputId}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={2000}
          placeholder="e.g. CrashLoopBackOff, x509 unknown authority, state lock"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900"
        />
      </search>
      <div className="mb-3 flex items-center gap-3 text-sm text-slate-500 dark:text-slate-400">
        <p role="status" aria-live="polite">
          {status}
          {isFetching && data ? " (updating…)" : ""}
        </p>
        {data?.degraded.includes("vector_store") && (
          <span className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Semantic search unavailable: showing keyword matches
          </span>
        )}
      </div>
      {error && (
        <p
          role="alert"
          className="mb-3 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error.message}
        </p>
      )}
      {data && items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700">
          No runbook matches. Try the error&apos;s reason (e.g. “OOMKilled”) or fewer words.
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Runbooks">
          {items.map((r) => (
            <RunbookCard key={r.id} runbook={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
