import type { ResourceError } from "@/lib/k8s/types";

/** Kinds that could not be read (RBAC, timeouts): the rest of the page is still valid, so warn instead of failing. */
export function ResourceErrors({ errors }: { errors: ResourceError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Some resources could not be read; results below may be incomplete.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((e) => (
          <li key={`${e.resource}:${e.message}`}>
            <span className="font-mono font-semibold">{e.resource}</span>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
