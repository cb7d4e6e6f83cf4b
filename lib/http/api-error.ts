/**
 * The one error type route handlers throw. `withRoute` maps it to
 * `{ error: { code, message, details } }` with `status`; anything else becomes
 * a 500 whose body never carries the internal message or stack.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, "invalid_request", message, details);
export const notFound = (message: string, details?: unknown) =>
  new ApiError(404, "not_found", message, details);
export const conflict = (message: string, details?: unknown) =>
  new ApiError(409, "conflict", message, details);
export const payloadTooLarge = (limitBytes: number) =>
  new ApiError(413, "payload_too_large", `Request body exceeds ${limitBytes} bytes`, {
    limit_bytes: limitBytes,
  });
export const unsupportedMediaType = (message: string) => new ApiError(415, "unsupported_media_type", message);
export const serviceUnavailable = (message: string, details?: unknown) =>
  new ApiError(503, "service_unavailable", message, details);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
