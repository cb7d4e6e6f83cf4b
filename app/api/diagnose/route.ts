import { assertDiagnoseClusterAccess } from "@/lib/access/diagnose-guards";
import { diagnose } from "@/lib/diagnose/diagnose";
import { diagnoseDepsFor } from "@/lib/diagnose/service";
import { withRoute } from "@/lib/http";
import { recordDiagnosis } from "@/lib/metrics/record";
import { parseDiagnoseBody } from "./parse-body";

export const dynamic = "force-dynamic";

/** Analyzes pasted error text; answers offline when no model is configured or the model fails. */
export const POST = withRoute(
  "diagnose",
  { scope: "diagnose", rateLimit: "diagnose" },
  async ({ req, requestId, log, principal }) => {
    const input = await parseDiagnoseBody(req);
    // Live pod data is cluster:read data, whatever scope the route itself needs.
    assertDiagnoseClusterAccess(principal, input);
    const result = await diagnose(input, diagnoseDepsFor(requestId, log));
    recordDiagnosis(result);
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
);
