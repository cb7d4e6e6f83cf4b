import Link from "next/link";
import { SeverityBadge } from "@/components/k8s/severity-badge";
import { TableHead } from "@/components/ui/table-head";
import type { Problem } from "@/lib/k8s/types";
import { diagnoseHref, runbooksHref } from "./problem-links";

const target = (p: Problem) => `${p.namespace ? `${p.namespace}/` : ""}${p.name}`;

const linkClass = "font-medium text-brand-700 hover:underline dark:text-sky-300";

function ProblemActions({ problem: p }: { problem: Problem }) {
  return (
    <>
      <Link href={diagnoseHref(p)} className={linkClass} aria-label={`Diagnose ${p.reason} on ${target(p)}`}>
        Diagnose
      </Link>
      <span className="mx-1.5 text-slate-300 dark:text-slate-600" aria-hidden>
        |
      </span>
      <Link href={runbooksHref(p)} className={linkClass} aria-label={`Runbooks for ${p.reason}`}>
        Runbooks
      </Link>
    </>
  );
}

export function ProblemsTable({ problems }: { problems: Problem[] }) {
  return (
    <section aria-labelledby="problems-heading" className="mt-8">
      <h2 id="problems-heading" className="text-lg font-semibold">
        Problems <span className="text-sm font-normal text-slate-500">({problems.length})</span>
      </h2>
      {problems.length === 0 ? (
        <p className="mt-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
          No problems found.
        </p>
      ) : (
        <div className="mt-2 hidden overflow-x-auto rounded-lg md:block border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full text-left text-sm">
            <TableHead
              columns={[
                "Severity",
                "Resource",
                "Reason",
                "Message and hint",
                <span key="a" className="sr-only">
                  Actions
                </span>,
              ]}
            />
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {problems.map((p) => (
                <tr key={`${p.kind}/${p.namespace}/${p.name}/${p.reason}`} className="align-top">
                  <td className="px-3 py-2">
                    <SeverityBadge severity={p.severity} />
                  </td>
                  <td className="px-3 py-2">
                    <div className="text-xs text-slate-500 dark:text-slate-400">{p.kind}</div>
                    <div className="break-all font-mono text-xs">{target(p)}</div>
                  </td>
                  <td className="px-3 py-2 font-medium">{p.reason}</td>
                  <td className="max-w-xl px-3 py-2">
                    <p className="break-words">{p.message}</p>
                    {p.hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{p.hint}</p>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-xs">
                    <ProblemActions problem={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        // Phones get stacked cards instead of a sideways-scrolling table.
        <ul className="mt-2 space-y-2 md:hidden">
          {problems.map((p) => (
            <li
              key={`${p.kind}/${p.namespace}/${p.name}/${p.reason}`}
              className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex items-center justify-between gap-2">
                <SeverityBadge severity={p.severity} />
                <span className="font-medium">{p.reason}</span>
              </div>
              <p className="mt-2 break-all font-mono text-xs text-slate-600 dark:text-slate-300">
                {p.kind} {target(p)}
              </p>
              <p className="mt-1 break-words">{p.message}</p>
              {p.hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{p.hint}</p>}
              <p className="mt-2 text-xs">
                <ProblemActions problem={p} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
