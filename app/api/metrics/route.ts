import { getServerConfig } from "@/lib/config/server-config";
import { withRoute } from "@/lib/http";
import { authorizeMetricsScrape } from "@/lib/metrics/auth";
import { renderMetrics } from "@/lib/metrics/render";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint; bearer-protected when PORTICO_METRICS_TOKEN is set. */
// Public to the access layer: Prometheus scrapes with PORTICO_METRICS_TOKEN (checked below) or
// from inside a NetworkPolicy, not with a person's session or API token.
export const GET = withRoute("metrics", { public: true }, async ({ req }) => {
  authorizeMetricsScrape(req, getServerConfig().metrics.token);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
