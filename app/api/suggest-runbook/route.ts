import { errorMessageTooLarge } from "@/app/api/diagnose/parse-body";
import { isErrorMessageTooLarge, MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import { parseJsonBody, withRoute } from "@/lib/http";
import { suggestRunbookRequestSchema } from "@/lib/runbooks/api-schema";
import { getRunbookService } from "@/lib/runbooks/service-instance";
import { suggestRunbooks } from "@/lib/runbooks/suggest";

export const dynamic = "force-dynamic";

// JSON escaping can inflate a 256 KiB log several times over; the message itself is measured after parsing.
const MAX_BODY_BYTES = MAX_ERROR_MESSAGE_BYTES * 6 + 64 * 1024;

/** Hybrid (vector + keyword) runbook retrieval; keyword-only with `degraded` when Chroma is down. */
export const POST = withRoute(
  "suggest-runbook",
  { scope: "diagnose", rateLimit: "suggest-runbook" },
  async ({ req }) => {
    const input = await parseJsonBody(req, suggestRunbookRequestSchema, MAX_BODY_BYTES);
    if (input.error_message && isErrorMessageTooLarge(input.error_message)) throw errorMessageTooLarge();
    return suggestRunbooks(input, getRunbookService());
  },
);
