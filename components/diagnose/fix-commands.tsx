import { CopyButton } from "@/components/markdown/copy-button";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";

/** Suggested commands; destructive ones are marked in text and colour, never only by colour. */
export function FixCommands({ commands }: { commands: DiagnoseResponse["fix_commands"] }) {
  if (commands.length === 0) return <p className="text-sm text-slate-500">No commands suggested.</p>;
  return (
    <ol className="space-y-3">
      {commands.map((c, i) => (
        <li
          key={`${c.command}\n${c.description}`}
          className={`rounded-md border p-3 ${
            c.destructive
              ? "border-red-300 bg-red-50/60 dark:border-red-800 dark:bg-red-950/40"
              : "border-slate-200 dark:border-slate-700"
          }`}
        >
          <p className="text-sm">{c.description}</p>
          {c.destructive && (
            <p className="mt-1 text-sm font-semibold text-red-700 dark:text-red-300" role="note">
              ⚠ Destructive: this changes or deletes cluster state. Check the target and have a rollback plan
              before running it.
            </p>
          )}
          <div className="mt-2 flex items-start gap-2">
            <pre className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100 dark:bg-black">
              <code>{c.command}</code>
            </pre>
            <CopyButton text={c.command} label={`Copy command ${i + 1}`} />
          </div>
        </li>
      ))}
    </ol>
  );
}
