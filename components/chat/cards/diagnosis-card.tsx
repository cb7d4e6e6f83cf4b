import Link from "next/link";
import type { DiagnosisOutput } from "@/lib/chat/types";
import { CopyButton } from "../copy-button";
import { Card, Muted, SEVERITY_STYLES } from "./card";

export function DiagnosisCard({ output }: { output: DiagnosisOutput }) {
  return (
    <Card testId="diagnosis-card" title="Diagnosis">
      <div role="status" className={`-mx-3 -mt-2 px-3 py-2 ${SEVERITY_STYLES[output.severity]}`}>
        <p className="text-xs font-semibold uppercase tracking-wide">{output.severity} severity</p>
        <p className="font-semibold">{output.title}</p>
      </div>
      <p className="whitespace-pre-line">{output.summary}</p>
      {output.redactions > 0 && (
        <Muted>
          {output.redactions} secret{output.redactions === 1 ? " was" : "s were"} redacted before analysis.
        </Muted>
      )}
      {output.evidence.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-300">
            Evidence ({output.evidence.length} line{output.evidence.length === 1 ? "" : "s"})
          </summary>
          <ul className="mt-1 space-y-1">
            {output.evidence.map((e) => (
              <li key={`${e.line}-${e.excerpt}`} className="font-mono text-xs break-all">
                <span className="text-slate-400">L{e.line}: </span>
                {e.excerpt}
              </li>
            ))}
          </ul>
        </details>
      )}
      {output.commands.length > 0 && (
        <div>
          <p className="text-xs font-semibold">Suggested commands</p>
          <ul className="mt-1 space-y-2">
            {output.commands.map((c) => (
              <li key={c.command}>
                {c.destructive && (
                  <p
                    role="note"
                    className="mb-1 rounded bg-red-50 px-2 py-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200"
                  >
                    ⚠ Changes the cluster or data. Check the target before running.
                  </p>
                )}
                <div className="flex items-start gap-2">
                  <code className="flex-1 overflow-x-auto rounded bg-slate-900 px-2 py-1 font-mono text-xs whitespace-pre text-slate-100">
                    {c.command}
                  </code>
                  <CopyButton text={c.command} label={`Copy command ${c.command}`} />
                </div>
                {c.description && <Muted>{c.description}</Muted>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {output.runbooks.length > 0 && (
        <p className="text-xs">
          Runbooks:{" "}
          {output.runbooks.map((r, i) => (
            <span key={r.id}>
              {i > 0 && ", "}
              <Link
                href={`/runbooks/${encodeURIComponent(r.id)}`}
                className="font-medium text-brand-600 underline dark:text-brand-500"
              >
                {r.title}
              </Link>
            </span>
          ))}
        </p>
      )}
    </Card>
  );
}
