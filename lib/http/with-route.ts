import { DatabaseNotConfiguredError } from "@/lib/db/database-not-configured";
import { type Logger, logger } from "@/lib/log/logger";
import { observeRequest } from "@/lib/metrics/record";
import { ApiError, type ErrorBody, serviceUnavailable } from "./api-error";
import { resolveRequestId } from "./request-id";

export interface RouteContext<P> {
  req: Request;
  requestId: string;
  log: Logger;
  params: P;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | object> | Response | object;

interface NextSegment<P> {
  params: Promise<P>;
}

export function errorResponse(error: ApiError, requestId: string): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  return Response.json(body, { status: error.status, headers: { "X-Request-Id": requestId } });
}

/**
 * The one wrapper around every route handler: request id in and out, a child
 * logger, error-to-status mapping and timing. Authentication and rate limits
 * plug in here later, so handlers stay "parse → call lib/ → return data".
 * Handlers return plain objects (sent as JSON) or a Response (streams, 204s).
 */
export function withRoute<P = Record<string, never>>(name: string, handler: Handler<P>) {
  return async (req: Request, segment?: NextSegment<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = resolveRequestId(req.headers.get("x-request-id"));
    const log = logger.child({ route: name, request_id: requestId });
    let response: Response;
    try {
      const params = (segment ? await segment.params : {}) as P;
      const result = await handler({ req, requestId, log, params });
      response = result instanceof Response ? result : Response.json(result);
      if (!response.headers.has("X-Request-Id")) {
        // Responses built elsewhere can be immutable (e.g. Response.redirect); copy instead of mutating.
        try {
          response.headers.set("X-Request-Id", requestId);
        } catch {
          response = new Response(response.body, response);
          response.headers.set("X-Request-Id", requestId);
        }
      }
    } catch (error) {
      if (error instanceof ApiError) {
        response = errorResponse(error, requestId);
      } else if (error instanceof DatabaseNotConfiguredError) {
        response = errorResponse(serviceUnavailable(error.message), requestId);
      } else {
        log.error({ err: error }, "unhandled error in route handler");
        response = errorResponse(
          new ApiError(500, "internal_error", "Internal server error", { request_id: requestId }),
          requestId,
        );
      }
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    observeRequest(name, req.method, response.status, ms / 1000);
    const level = response.status >= 500 ? "error" : response.status >= 400 ? "warn" : "info";
    log[level](
      { method: req.method, path: new URL(req.url).pathname, status: response.status, ms },
      "request",
    );
    return response;
  };
}
