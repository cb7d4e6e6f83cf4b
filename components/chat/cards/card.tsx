import type { ReactNode } from "react";
import type { Severity } from "@/lib/chat/types";

export function Card({
  title,
  children,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section
      data-testid={testId}
      className="my-2 overflow-hidden rounded-lg border border-slate-200 bg-white text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="border-b border-slate-200 bg-slate-50 px-3 py-2 font-medium dark:border-slate-700 dark:bg-slate-800/60">
        {title}
      </header>
      <div className="space-y-2 px-3 py-2">{children}</div>
    </section>
  );
}

export const SEVERITY_STYLES: Record<Severity, string> = {
  critical: "bg-red-600 text-white",
  high: "bg-orange-500 text-white",
  medium: "bg-amber-300 text-amber-950",
  low: "bg-sky-200 text-sky-950 dark:bg-sky-800 dark:text-sky-50",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${SEVERITY_STYLES[severity]}`}>
      {severity}
    </span>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-xs text-slate-500 dark:text-slate-400">{children}</p>;
}
