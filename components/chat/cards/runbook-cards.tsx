import Link from "next/link";
import type { RunbookSearchOutput } from "@/lib/chat/types";
import { Card, Muted } from "./card";

export function RunbookCards({ output }: { output: RunbookSearchOutput }) {
  return (
    <Card testId="runbook-cards" title={`Runbooks for “${output.query}”`}>
      {output.results.length === 0 ? (
        <Muted>No runbook matches.</Muted>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {output.results.map((r) => (
            <li key={r.id}>
              <Link
                href={`/runbooks/${encodeURIComponent(r.id)}`}
                className="block h-full rounded-md border border-slate-200 p-2 hover:border-brand-500 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                <span className="font-medium text-brand-700 dark:text-brand-500">{r.title}</span>
                <span className="mt-1 line-clamp-3 block text-xs text-slate-600 dark:text-slate-300">
                  {r.snippet}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {output.degraded.length > 0 && (
        <Muted>Keyword search only ({output.degraded.join(", ")} unavailable).</Muted>
      )}
    </Card>
  );
}
