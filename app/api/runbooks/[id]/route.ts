import { notFound, withRoute } from "@/lib/http";
import { runbookIdParamsSchema } from "@/lib/runbooks/api-schema";
import { toRunbookDetail } from "@/lib/runbooks/present";
import { getRunbookService } from "@/lib/runbooks/service-instance";

export const dynamic = "force-dynamic";

/** One runbook's markdown and front matter; 404 for ids that are unknown or not runbook-shaped. */
export const GET = withRoute<{ id: string }>("runbook", { scope: "catalog:read" }, async ({ params }) => {
  const parsed = runbookIdParamsSchema.safeParse(params);
  const runbook = parsed.success ? await getRunbookService().get(parsed.data.id) : undefined;
  if (!runbook) throw notFound(`No runbook with id "${String(params.id).slice(0, 128)}"`);
  return toRunbookDetail(runbook);
});
