"use client";

export function NamespaceFilter({
  value,
  namespaces,
  onChange,
}: {
  value: string | undefined;
  namespaces: string[];
  onChange: (namespace: string | undefined) => void;
}) {
  // Keep a namespace from the URL selectable even if the list has not loaded or does not contain it.
  const options = value && !namespaces.includes(value) ? [value, ...namespaces] : namespaces;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300">Namespace</span>
      <select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">All namespaces</option>
        {options.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
    </label>
  );
}
