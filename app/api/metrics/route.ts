import { getServerConfig } from "@/lib/config/server-config";
import { withRoute } from "@/lib/http";
import { authorizeMetricsScrape } from "@/lib/metrics/auth";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint; bearer-protected when PORTICO_METRICS_TOKEN is set. */
export const GET = withRoute("metrics", async ({ req }) => {
  authorizeMetricsScrape(req, getServerConfig().metrics.token);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
