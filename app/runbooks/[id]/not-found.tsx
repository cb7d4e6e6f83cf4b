import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export default function RunbookNotFound() {
  return (
    <>
      <PageHeader title="Runbook not found" />
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center dark:border-slate-700 dark:bg-slate-900">
        <p>There is no runbook with that id. It may have been renamed or removed.</p>
        <p className="mt-3">
          <Link href="/runbooks" className="font-medium text-brand-600 underline dark:text-brand-500">
            Browse or search all runbooks
          </Link>
        </p>
      </div>
    </>
  );
}
