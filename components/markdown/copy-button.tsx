"use client";

import { useEffect, useRef, useState } from "react";

/** Copies `text` (or what `getText` returns at click time) and says so to screen readers. */
export function CopyButton({
  text,
  getText,
  label = "Copy",
  className = "",
}: {
  text?: string;
  getText?: () => string;
  label?: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(getText ? getText() : (text ?? ""));
      setState("copied");
    } catch {
      // Clipboard access needs a secure context and permission; say so instead of failing silently.
      setState("failed");
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 1500);
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={state === "idle" ? label : undefined}
      className={`shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 ${className}`}
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      </span>
    </button>
  );
}
