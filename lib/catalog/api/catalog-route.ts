import type { Principal } from "@/lib/access/principal";
import type { ScopedAccess } from "@/lib/access/route-access";
import { withRoute } from "@/lib/http";
import type { RouteContext } from "@/lib/http/with-route";

/** Backstage's error `name` for each status, so `ResponseError.fromResponse` can classify errors. */
const NAMES: Record<number, string> = {
  400: "InputError",
  401: "AuthenticationError",
  403: "NotAllowedError",
  404: "NotFoundError",
  409: "ConflictError",
  413: "PayloadTooLargeError",
  415: "UnsupportedMediaTypeError",
  503: "ServiceUnavailableError",
  504: "TimeoutError",
};

export function backstageErrorName(status: number): string {
  return NAMES[status] ?? (status >= 500 ? "Error" : "InputError");
}

type Handler<P> = (ctx: RouteContext<P, Principal>) => Promise<Response | object> | Response | object;

/**
 * `withRoute` plus Backstage's error envelope. @backstage/errors only parses a JSON error
 * body that has both `error` and `response`, so every 4xx/5xx becomes
 * `{ error: { name, message, code, details }, request, response: { statusCode } }` —
 * our `{ error: { code, message, details } }` convention is kept inside `error`.
 */
export function catalogRoute<P = Record<string, never>>(
  name: string,
  access: ScopedAccess,
  handler: Handler<P>,
) {
  const inner = withRoute<P>(name, access, handler);
  const run = async (req: Request, segment?: { params: Promise<P> }): Promise<Response> => {
    const res = await inner(req, segment);
    if (res.status < 400 || !res.headers.get("content-type")?.includes("application/json")) return res;
    const body = (await res
      .clone()
      .json()
      .catch(() => null)) as { error?: { code?: string } } | null;
    if (!body?.error || typeof body.error.code !== "string") return res;
    const url = new URL(req.url);
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return Response.json(
      {
        error: { name: backstageErrorName(res.status), ...body.error },
        request: { method: req.method, url: `${url.pathname}${url.search}` },
        response: { statusCode: res.status },
      },
      { status: res.status, headers },
    );
  };
  return Object.assign(run, { access: inner.access, routeName: inner.routeName });
}
