import type { ChatUIPart } from "@/lib/chat/types";
import { ClusterCard, PodCard } from "./cards/cluster-cards";
import { DiagnosisCard } from "./cards/diagnosis-card";
import { EntityCard, EntityListCard } from "./cards/entity-cards";
import { RunbookCards } from "./cards/runbook-cards";

const LABELS: Record<string, string> = {
  "tool-diagnoseError": "Diagnosing the error",
  "tool-searchRunbooks": "Searching runbooks",
  "tool-getClusterHealth": "Checking cluster health",
  "tool-getPodDetails": "Reading pod details",
  "tool-findEntities": "Searching the catalog",
  "tool-getEntity": "Looking up the catalog entity",
};

type ToolPart = Extract<ChatUIPart, { toolCallId: string; type: `tool-${string}` }>;

export function isToolPart(part: ChatUIPart): part is ToolPart {
  return part.type.startsWith("tool-");
}

function Output({ part }: { part: ToolPart }) {
  if (part.state !== "output-available") return null;
  switch (part.type) {
    case "tool-diagnoseError":
      return <DiagnosisCard output={part.output} />;
    case "tool-searchRunbooks":
      return <RunbookCards output={part.output} />;
    case "tool-getClusterHealth":
      return <ClusterCard output={part.output} />;
    case "tool-getPodDetails":
      return <PodCard output={part.output} />;
    case "tool-findEntities":
      return <EntityListCard output={part.output} />;
    case "tool-getEntity":
      return <EntityCard output={part.output} />;
  }
}

export function ToolPartView({ part }: { part: ToolPart }) {
  const label = LABELS[part.type] ?? "Running a tool";
  if (part.state === "output-error") {
    return (
      <p
        role="alert"
        className="my-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {label} failed: {part.errorText}
      </p>
    );
  }
  if (part.state === "output-available") return <Output part={part} />;
  return (
    <p className="my-2 flex items-center gap-2 text-sm text-slate-500 dark:text-slate-400">
      <span
        className="size-3 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
        aria-hidden
      />
      {label}…
    </p>
  );
}
