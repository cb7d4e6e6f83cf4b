import { TableHead } from "@/components/ui/table-head";
import type { IngestProblem } from "@/lib/catalog/ingest/types";

const fileLabel = (file: string | undefined) => (file ? (file.split("/").pop() ?? file) : "—");

/** Every problem with where it is: file, document index, line/column and field path. */
export function ProblemsTable({ problems }: { problems: IngestProblem[] }) {
  if (!problems.length) return null;
  return (
    <div
      role="alert"
      className="overflow-x-auto rounded-lg border border-rose-200 bg-white dark:border-rose-900 dark:bg-slate-900"
      data-testid="register-errors"
    >
      <p className="border-b border-rose-200 bg-rose-50 px-3 py-2 text-sm font-semibold text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200">
        {problems.length === 1 ? "1 problem" : `${problems.length} problems`} — invalid documents are not
        imported
      </p>
      <table className="w-full text-left text-sm">
        <TableHead columns={["File", "Document", "Line", "Field", "Problem"]} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {problems.map((p) => (
            <tr
              key={`${p.code}|${p.file}|${p.documentIndex}|${p.path}|${p.line}|${p.message}`}
              className="align-top"
            >
              <td className="px-3 py-2 font-mono text-xs" title={p.file}>
                {fileLabel(p.file)}
              </td>
              <td className="px-3 py-2 tabular-nums" data-testid="problem-document">
                {p.documentIndex ?? "—"}
              </td>
              <td className="px-3 py-2 tabular-nums">
                {p.line !== undefined ? `${p.line}${p.column !== undefined ? `:${p.column}` : ""}` : "—"}
              </td>
              <td className="px-3 py-2 font-mono text-xs" data-testid="problem-path">
                {p.path ?? "—"}
              </td>
              <td className="px-3 py-2">
                <code className="mr-1 rounded bg-slate-100 px-1 text-xs dark:bg-slate-800">{p.code}</code>
                {p.message}
                {p.entityRef && <span className="block font-mono text-xs text-slate-500">{p.entityRef}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
