import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import Link from "next/link";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { PageHeader } from "@/components/ui/page-header";
import { ownedByHref, ownedByMyTeams } from "@/lib/access/my-teams";
import { getPagePrincipal } from "@/lib/access/page-principal";
import { listEntities } from "@/lib/catalog";
import { catalogListKey, PAGE_SIZE, parseListParams, toListResponse } from "@/lib/catalog/ui/list-params";
import { getDb } from "@/lib/db/client";
import { makeQueryClient } from "@/lib/query/make-query-client";

export const metadata = { title: "Catalog" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseListParams(await searchParams);
  // Same key and shape as the client's fetch of /api/catalog-ui/list, so the first paint needs no request.
  const { principal } = await getPagePrincipal();
  const myTeams = principal ? await ownedByMyTeams(getDb(), principal).catch(() => []) : [];
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: catalogListKey(params),
    queryFn: async () => toListResponse(await listEntities(getDb(), { ...params, pageSize: PAGE_SIZE })),
  });
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Every component, API, resource, system, domain, group and user of the organisation."
        actions={
          <div className="flex gap-2">
            {myTeams.length > 0 && (
              <Link
                href={ownedByHref(myTeams.map((t) => t.ref))}
                className="inline-flex items-center justify-center rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:border-brand-500 dark:border-slate-700"
              >
                Owned by my teams
              </Link>
            )}
            <Link
              href="/catalog/register"
              className="inline-flex items-center justify-center rounded-lg bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
            >
              Register entities
            </Link>
          </div>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CatalogBrowser />
      </HydrationBoundary>
    </>
  );
}
