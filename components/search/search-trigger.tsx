"use client";

import { useEffect, useState } from "react";
import { Icon, SEARCH_ICON } from "@/components/ui/icon";
import { openGlobalSearch } from "./open-search";

/** Opens the ⌘K dialog; shows the shortcut of the user's platform. */
export function SearchTrigger({ compact = false }: { compact?: boolean }) {
  const [mac, setMac] = useState(true);
  useEffect(() => setMac(/mac|iphone|ipad/i.test(navigator.userAgent)), []);
  const shortcut = mac ? "⌘K" : "Ctrl K";
  if (compact) {
    return (
      <button
        type="button"
        onClick={openGlobalSearch}
        aria-label={`Search the catalog (${shortcut})`}
        className="rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <Icon path={SEARCH_ICON} className="size-5" />
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={openGlobalSearch}
      aria-label={`Search the catalog (${shortcut})`}
      aria-keyshortcuts="Meta+K Control+K"
      className="flex w-full items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-500 hover:border-slate-300 hover:text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-400 dark:hover:text-slate-200"
    >
      <Icon path={SEARCH_ICON} className="size-4" />
      <span className="flex-1 text-left">Search…</span>
      <kbd className="rounded border border-slate-300 px-1.5 font-sans text-xs dark:border-slate-600">
        {shortcut}
      </kbd>
    </button>
  );
}
