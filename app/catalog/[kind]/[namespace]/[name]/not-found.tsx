import Link from "next/link";

export default function EntityNotFound() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <h1 className="text-xl font-semibold">Entity not found</h1>
      <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">
        No entity with this kind, namespace and name is in the catalog. It may have been removed or never
        registered.
      </p>
      <Link
        href="/catalog"
        className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
      >
        Back to the catalog
      </Link>
    </div>
  );
}
