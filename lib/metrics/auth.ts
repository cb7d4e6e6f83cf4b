import { timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/http/api-error";

/**
 * With a token configured, scrapes must send `Authorization: Bearer <token>`. Without one the
 * endpoint is open: for `npm start` on a laptop, or a cluster where a NetworkPolicy admits
 * only the Prometheus namespace to the pod port (documented in gitops/README.md).
 */
export function authorizeMetricsScrape(req: Request, token: string | undefined): void {
  if (!token) return;
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  if (match && sameSecret(match[1], token)) return;
  throw new ApiError(
    401,
    "unauthorized",
    "GET /api/metrics needs Authorization: Bearer <PORTICO_METRICS_TOKEN>",
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
