import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { TEMPLATE_FIELDS, templatesKey } from "@/components/scaffolder/api";
import { RecentTasks } from "@/components/scaffolder/recent-tasks";
import { TemplateGallery } from "@/components/scaffolder/template-gallery";
import { PageHeader } from "@/components/ui/page-header";
import { parseFilterParams } from "@/lib/catalog/queries/filter";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { getDb } from "@/lib/db/client";
import { makeQueryClient } from "@/lib/query/make-query-client";

export const metadata = { title: "Create" };
export const dynamic = "force-dynamic";

export default async function Page() {
  // Same key and shape as the gallery's fetch of /api/catalog/entities/by-query, so the first paint needs no request.
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: templatesKey,
    queryFn: async () => {
      const res = await queryEntities(getDb(), {
        filter: parseFilterParams(["kind=template"]),
        fields: TEMPLATE_FIELDS,
        limit: 1000,
        orderFields: [{ field: "metadata.name", order: "asc" }],
      });
      return { items: res.items, totalItems: res.totalItems };
    },
  });
  return (
    <>
      <PageHeader
        title="Create"
        description="Start a new service, website or library from one of the organisation's software templates."
        actions={
          <Link
            href="/create/edit"
            className="inline-flex items-center justify-center rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            Template editor
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TemplateGallery />
      </HydrationBoundary>
      <RecentTasks />
    </>
  );
}
