import type { StoredLocationError } from "@/lib/catalog/ingest/locations";

/**
 * Lint findings the catalog recorded when this template was registered or last refreshed (code
 * TEMPLATE_LINT): shown above the wizard so a user learns before filling the form that a step uses an
 * unknown action or an undefined variable. The template can still be run; Portico refuses unknown
 * actions at task creation anyway.
 */
export function TemplateLintNotice({ findings }: { findings: StoredLocationError[] }) {
  const lint = findings.filter((f) => f.code === "TEMPLATE_LINT");
  if (!lint.length) return null;
  return (
    <details
      data-testid="template-lint"
      className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <summary className="cursor-pointer font-semibold">
        Template lint: {lint.length === 1 ? "1 finding" : `${lint.length} findings`} from its last
        registration
      </summary>
      <ul className="mt-2 space-y-1">
        {lint.map((f) => (
          <li key={f.id}>
            {f.message}
            <span className="block font-mono text-xs opacity-80">
              {(f.file ?? "").replace(/^(file|url):/, "")}
              {f.line !== undefined ? `:${f.line}${f.column !== undefined ? `:${f.column}` : ""}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
