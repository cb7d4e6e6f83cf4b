import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { CategoryBadge } from "@/components/runbooks/category-badge";
import { PageHeader } from "@/components/ui/page-header";
import { runbookIdParamsSchema } from "@/lib/runbooks/api-schema";
import type { Runbook } from "@/lib/runbooks/load";
import { getRunbookService } from "@/lib/runbooks/service-instance";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function findRunbook(id: string): Promise<Runbook | undefined> {
  const parsed = runbookIdParamsSchema.safeParse({ id });
  return parsed.success ? getRunbookService().get(parsed.data.id) : undefined;
}

export async function generateMetadata({ params }: Props) {
  const runbook = await findRunbook((await params).id);
  return { title: runbook ? runbook.title : "Runbook not found" };
}

/** The page header already shows the title, so a leading `# Title` line is not repeated. */
function withoutTitle(body: string): string {
  return body.replace(/^\s*# [^\n]*\n/, "");
}

export default async function Page({ params }: Props) {
  const runbook = await findRunbook((await params).id);
  if (!runbook) notFound();
  return (
    <article>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/runbooks" className="text-brand-600 hover:underline dark:text-brand-500">
          ← All runbooks
        </Link>
      </nav>
      <PageHeader title={runbook.title} />
      <div className="-mt-3 mb-6 flex flex-wrap items-center gap-1.5">
        {runbook.categories.map((c) => (
          <CategoryBadge key={c} category={c} />
        ))}
        {runbook.tags.map((t) => (
          <span
            key={t}
            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-400"
          >
            #{t}
          </span>
        ))}
      </div>
      <div className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
        <MarkdownView markdown={withoutTitle(runbook.body)} />
      </div>
    </article>
  );
}
