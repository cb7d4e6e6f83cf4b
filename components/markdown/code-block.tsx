"use client";

import { type ReactNode, useRef } from "react";
import { CopyButton } from "./copy-button";

/** A fenced code block with a copy button; copies the rendered text, i.e. without highlight markup. */
export function CodeBlock({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLPreElement>(null);
  return (
    <div className="group relative my-4">
      <pre
        ref={ref}
        className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 pr-16 font-mono text-[13px] leading-relaxed dark:border-slate-700 dark:bg-slate-950"
      >
        {children}
      </pre>
      <CopyButton
        getText={() => (ref.current?.textContent ?? "").replace(/\n$/, "")}
        label="Copy code"
        className="absolute top-2 right-2"
      />
    </div>
  );
}
