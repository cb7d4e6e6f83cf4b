"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useDebouncedValue } from "@/components/catalog/use-debounced-value";
import { Icon, SEARCH_ICON } from "@/components/ui/icon";
import type { SearchHit, SearchResponse } from "@/lib/catalog/ui/search-types";
import { OPEN_SEARCH_EVENT } from "./open-search";

async function search(q: string, signal: AbortSignal): Promise<SearchResponse> {
  const res = await fetch(`/api/catalog-ui/search?q=${encodeURIComponent(q)}`, { signal });
  if (!res.ok) throw new Error(`Search failed (${res.status})`);
  return res.json();
}

const searchKey = (q: string) => ["catalog-ui", "search", q] as const;

const FOCUSABLE = 'input, button, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The ⌘K / Ctrl-K dialog: a modal <dialog> (outside is inert, Esc closes, Tab stays inside)
 * with a combobox whose options are server-side search hits; arrows move, Enter opens.
 */
export function GlobalSearch() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 200);
  const listId = useId();

  const show = useCallback(() => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, show);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, show);
    };
  }, [show]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus?.();
    }
  }, [open]);

  const query = useQuery({
    queryKey: searchKey(q),
    queryFn: ({ signal }) => search(q, signal),
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = q ? (query.data?.items ?? []) : [];
  // The last option is always "all results", so Enter does something even with no hits.
  const options = q
    ? [
        ...hits.map((h) => ({ href: h.href, hit: h })),
        { href: `/catalog?q=${encodeURIComponent(q)}`, hit: null },
      ]
    : [];

  const go = (href: string) => {
    returnFocus.current = null;
    setOpen(false);
    setText("");
    router.push(href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!options.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + options.length) % options.length);
    } else if (e.key === "Enter" && e.target === inputRef.current) {
      e.preventDefault();
      const term = text.trim();
      if (!term) return;
      if (term === q && !query.isPlaceholderData && !query.isFetching) {
        const option = options[active];
        if (option) go(option.href);
        return;
      }
      // Enter before the debounce or the request finished: open the best hit for what is typed now.
      void queryClient
        .fetchQuery({ queryKey: searchKey(term), queryFn: ({ signal }) => search(term, signal) })
        .then((data) => go(data.items[0]?.href ?? `/catalog?q=${encodeURIComponent(term)}`))
        .catch(() => go(`/catalog?q=${encodeURIComponent(term)}`));
    } else if (e.key === "Tab") {
      const els = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      if (!els.length) return;
      const i = els.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? els.length - 1 : i - 1) : (i + 1) % els.length;
      e.preventDefault();
      els[next].focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      aria-label="Search the catalog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClose={close}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        if (e.target === dialogRef.current) close();
      }}
      className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open && (
        <div>
          <div className="flex items-center gap-2 border-b border-slate-200 px-3 dark:border-slate-800">
            <Icon path={SEARCH_ICON} className="size-5 text-slate-400" />
            <input
              ref={inputRef}
              role="combobox"
              aria-expanded={options.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={options.length ? `${listId}-${active}` : undefined}
              aria-label="Search entities"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setActive(0);
              }}
              placeholder="Search components, APIs, teams, people…"
              className="h-12 flex-1 bg-transparent text-base outline-none placeholder:text-slate-400"
            />
            <button
              type="button"
              onClick={close}
              className="rounded px-1.5 text-xs text-slate-500 ring-1 ring-slate-300 dark:ring-slate-600"
            >
              Esc
            </button>
          </div>
          <div id={listId} role="listbox" aria-label="Results" className="max-h-[55vh] overflow-y-auto p-2">
            {options.map((o, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection is on the combobox (aria-activedescendant)
              <div
                key={o.href}
                tabIndex={-1}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseMove={() => setActive(i)}
                onClick={() => go(o.href)}
                className={`flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm ${
                  i === active ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : ""
                }`}
              >
                {o.hit ? (
                  <>
                    <span className="w-20 shrink-0 text-xs uppercase tracking-wide text-slate-500">
                      {o.hit.kind}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{o.hit.title ?? o.hit.name}</span>
                      {o.hit.description && (
                        <span className="block truncate text-xs text-slate-500">{o.hit.description}</span>
                      )}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-600 dark:text-slate-300">
                    See all results for “{q}” in the catalog
                  </span>
                )}
              </div>
            ))}
          </div>
          <p
            className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500 dark:border-slate-800"
            aria-live="polite"
          >
            {!q
              ? "Type to search the catalog."
              : query.isFetching
                ? "Searching…"
                : `${hits.length} ${hits.length === 1 ? "match" : "matches"} · ↑↓ to move · Enter to open`}
          </p>
        </div>
      )}
    </dialog>
  );
}
