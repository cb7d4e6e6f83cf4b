import { CATEGORY_TITLES } from "@/lib/diagnose/categories";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";

const STYLES: Record<DiagnoseResponse["severity"], string> = {
  critical: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  high: "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-100",
  medium:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  low: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
};

export function SeverityBanner({ result }: { result: DiagnoseResponse }) {
  return (
    <div
      className={`rounded-lg border-l-4 border p-4 ${STYLES[result.severity]}`}
      data-testid="severity-banner"
    >
      <p className="text-xs font-semibold tracking-wide uppercase">Severity: {result.severity}</p>
      <p className="mt-1 text-lg font-semibold">{CATEGORY_TITLES[result.category]}</p>
      <p className="mt-0.5 font-mono text-xs opacity-80">{result.category}</p>
    </div>
  );
}
