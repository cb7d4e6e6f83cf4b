import type { StoredLocationError } from "@/lib/catalog/ingest/locations";

/** Problems the last refresh of this entity's location reported (the stored copy may be stale). */
export function LocationErrors({ errors }: { errors: StoredLocationError[] }) {
  if (!errors.length) return null;
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-semibold">
        The location of this entity reported {errors.length === 1 ? "a problem" : `${errors.length} problems`}
      </p>
      <ul className="mt-2 space-y-1">
        {errors.map((e) => (
          <li key={e.id}>
            <code className="font-mono text-xs">{e.code}</code> {e.message}
            <span className="block text-xs opacity-80">
              {[
                e.file,
                e.documentIndex !== undefined && `document ${e.documentIndex}`,
                e.line !== undefined && `line ${e.line}${e.column !== undefined ? `:${e.column}` : ""}`,
                e.path && `at ${e.path}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
