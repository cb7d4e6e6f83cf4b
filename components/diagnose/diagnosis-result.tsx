import Link from "next/link";
import { type Ref, useId, useState } from "react";
import { chatHandoffHref, newHandoffId, storeChatHandoff } from "@/components/chat/handoff";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";
import type { DiagnosisEngine } from "@/lib/diagnose/types";
import { chatPrompt } from "./chat-link";
import { ClassificationList } from "./classification-list";
import { OwnerPanel, PodContextPanel } from "./context-panels";
import { FixCommands } from "./fix-commands";
import { SeverityBanner } from "./severity-banner";

const DEGRADED_TEXT: Record<string, string> = {
  llm: "The AI model did not answer in time or answered badly; this diagnosis comes from the offline engine.",
  vector_store: "Semantic runbook search is unavailable; runbooks were matched by keywords.",
  embeddings: "Query embeddings are unavailable; runbooks were matched by keywords.",
  kubernetes: "Live pod state could not be read from the cluster.",
  catalog: "The owning team could not be looked up in the catalog.",
};

export const engineLabel = (engine: DiagnosisEngine) =>
  engine === "gemini" ? "Gemini" : engine === "openai-compatible" ? "local model" : "offline engine";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id={id} className="mb-3 text-base font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function DiagnosisResult({
  result,
  errorText,
  headingRef,
}: {
  result: DiagnoseResponse;
  errorText: string;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const [handoffId] = useState(newHandoffId);
  return (
    <div className="space-y-4" data-testid="diagnosis-result">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          Diagnosis
        </h2>
        <span
          className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
          data-testid="engine-label"
        >
          {engineLabel(result.engine)}
        </span>
      </div>
      <SeverityBanner result={result} />
      {result.degraded.length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">Partial answer</p>
          <ul className="mt-1 list-disc pl-5">
            {result.degraded.map((d) => (
              <li key={d}>{DEGRADED_TEXT[d] ?? `${d} was unavailable.`}</li>
            ))}
          </ul>
        </div>
      )}
      <Section title="Root cause">
        <p className="whitespace-pre-line" data-testid="root-cause">
          {result.root_cause}
        </p>
      </Section>
      <Section title="Fix commands">
        <FixCommands commands={result.fix_commands} />
      </Section>
      <Section title="Evidence">
        <ClassificationList classifications={result.classifications} rootCategory={result.category} />
      </Section>
      {result.prevention_tips.length > 0 && (
        <Section title="Prevention">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {result.prevention_tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Runbooks">
        {result.runbooks.length === 0 ? (
          <p className="text-sm text-slate-500">
            No matching runbook.{" "}
            <Link href="/runbooks" className="text-brand-600 underline dark:text-brand-500">
              Browse all runbooks
            </Link>
            .
          </p>
        ) : (
          <ul className="space-y-1 text-sm">
            {result.runbooks.map((r) => (
              <li key={r.id}>
                <Link href={r.url} className="font-medium text-brand-600 underline dark:text-brand-500">
                  {r.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {result.k8s_context && (
        <Section title="Pod context">
          <PodContextPanel context={result.k8s_context} />
        </Section>
      )}
      {result.owner && (
        <Section title="Owner">
          <OwnerPanel owner={result.owner} />
        </Section>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Link
          href={chatHandoffHref(handoffId)}
          onClick={() => storeChatHandoff(handoffId, chatPrompt(result, errorText))}
          className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          Continue in chat
        </Link>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          Request {result.request_id} · {result.timings_ms.total ?? "?"} ms
        </span>
      </div>
    </div>
  );
}
