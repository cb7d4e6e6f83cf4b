import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { RunbookBrowser } from "@/components/runbooks/runbook-browser";
import { runbookKeys } from "@/components/runbooks/runbook-queries";
import { PageHeader } from "@/components/ui/page-header";
import { makeQueryClient } from "@/lib/query/make-query-client";
import { MAX_QUERY_CHARS } from "@/lib/runbooks/api-schema";
import { listOrSearchRunbooks } from "@/lib/runbooks/list-or-search";
import { getRunbookService } from "@/lib/runbooks/service-instance";

export const metadata = { title: "Runbooks" };
export const dynamic = "force-dynamic";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, MAX_QUERY_CHARS);
  // Server-rendered first page through the same function as the API, so search results need no round trip.
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: runbookKeys.list(q),
    queryFn: () => listOrSearchRunbooks(getRunbookService(), { q }),
  });
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="Step-by-step guides for common failures: symptoms, diagnosis, fixes and prevention."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunbookBrowser initialQuery={q} />
      </HydrationBoundary>
    </>
  );
}
