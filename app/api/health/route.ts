import { getReadiness, uptimeSeconds } from "@/lib/health/service";
import { parseQuery, withRoute } from "@/lib/http";
import { healthQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

export const GET = withRoute("health", { public: true }, async ({ req }) => {
  const { probe } = parseQuery(req.url, healthQuerySchema);
  // Liveness must not touch dependencies: a slow database should not get the pod restarted.
  if (probe === "live") return { status: "alive", uptime_s: uptimeSeconds() };
  const report = await getReadiness();
  return Response.json(report, { status: report.status === "ready" ? 200 : 503 });
});
