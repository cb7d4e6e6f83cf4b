import { SpanStatusCode, trace } from "@opentelemetry/api";
import { authorizeRequest } from "@/lib/access/authorize";
import type { Principal } from "@/lib/access/principal";
import type { PublicAccess, RouteAccess, ScopedAccess } from "@/lib/access/route-access";
import { DatabaseNotConfiguredError } from "@/lib/db/database-not-configured";
import { accessLogger, type Logger, logger } from "@/lib/log/logger";
import { observeRequest } from "@/lib/metrics/record";
import { tracingStarted } from "@/lib/tracing/started";
import { ApiError, type ErrorBody, serviceUnavailable } from "./api-error";
import { withApiHeaders } from "./api-headers";
import { resolveRequestId } from "./request-id";

export type { RouteAccess } from "@/lib/access/route-access";

export interface RouteContext<P, W = Principal> {
  req: Request;
  requestId: string;
  log: Logger;
  params: P;
  /** Who is asking; null only on public routes. */
  principal: W;
}

type Handler<P, W = Principal> = (ctx: RouteContext<P, W>) => Promise<Response | object> | Response | object;

export interface RouteHandler<P> {
  (req: Request, segment?: NextSegment<P>): Promise<Response>;
  /** The declared requirement, read by the route-coverage test and the OpenAPI document. */
  readonly access: RouteAccess;
  readonly routeName: string;
}

interface NextSegment<P> {
  params: Promise<P>;
}

// A no-op until lib/tracing registers an SDK (only with OTEL_EXPORTER_OTLP_ENDPOINT set).
const tracer = trace.getTracer("portico");

export function errorResponse(error: ApiError, requestId: string): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  const headers: Record<string, string> = { "X-Request-Id": requestId };
  const retry = (error.details as { retry_after_s?: unknown } | undefined)?.retry_after_s;
  if (error.status === 429 && typeof retry === "number") headers["Retry-After"] = String(retry);
  if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="portico"';
  return Response.json(body, { status: error.status, headers });
}

/**
 * The one wrapper around every route handler: the declared access requirement
 * (401/403/429 before the handler runs), request id in and out, a child logger,
 * error-to-status mapping and timing, so handlers stay "parse → call lib/ →
 * return data". Handlers return plain objects (sent as JSON) or a Response.
 */
export function withRoute<P = Record<string, never>>(
  name: string,
  access: PublicAccess,
  handler: Handler<P, Principal | null>,
): RouteHandler<P>;
export function withRoute<P = Record<string, never>>(
  name: string,
  access: ScopedAccess,
  handler: Handler<P, Principal>,
): RouteHandler<P>;
export function withRoute<P = Record<string, never>>(
  name: string,
  access: RouteAccess,
  handler: Handler<P, Principal> | Handler<P, Principal | null>,
): RouteHandler<P> {
  const respond = async (req: Request, segment?: NextSegment<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = resolveRequestId(req.headers.get("x-request-id"));
    // Most handlers never log: the (redacting) child logger is made on first use only.
    let log: Logger | undefined;
    let response: Response;
    let who: string | undefined;
    try {
      const principal = await authorizeRequest(req, access);
      who = principal?.id;
      const params = (segment ? await segment.params : {}) as P;
      // authorizeRequest returns a principal for every non-public access, matching the overloads.
      const result = await (handler as Handler<P, Principal | null>)({
        req,
        requestId,
        get log() {
          log ??= logger.child({ route: name, request_id: requestId });
          return log;
        },
        params,
        principal,
      });
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
        logger.error({ route: name, request_id: requestId, err: error }, "unhandled error in route handler");
        if (error instanceof Error) trace.getActiveSpan()?.recordException(error);
        response = errorResponse(
          new ApiError(500, "internal_error", "Internal server error", { request_id: requestId }),
          requestId,
        );
      }
    }
    // proxy.ts sets these on /api too, but skips the health probe (lib/http/api-headers.ts).
    if (!response.headers.has("Content-Security-Policy")) response = withApiHeaders(response);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    observeRequest(name, req.method, response.status, ms / 1000);
    const level = response.status >= 500 ? "error" : response.status >= 400 ? "warn" : "info";
    accessLogger[level](
      {
        route: name,
        request_id: requestId,
        method: req.method,
        path: new URL(req.url).pathname,
        status: response.status,
        ms,
        principal: who,
      },
      "request",
    );
    return response;
  };
  // One span per request named by the route, a child of Next's own request span when tracing is
  // on; without an SDK the no-op span and its context switch are skipped altogether.
  const run = (req: Request, segment?: NextSegment<P>): Promise<Response> =>
    !tracingStarted()
      ? respond(req, segment)
      : tracer.startActiveSpan(name, { attributes: { "http.request.method": req.method } }, async (span) => {
          try {
            const response = await respond(req, segment);
            span.setAttribute("http.response.status_code", response.status);
            if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
            return response;
          } finally {
            span.end();
          }
        });
  return Object.assign(run, { access, routeName: name });
}
