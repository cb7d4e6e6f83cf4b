import { ApiError } from "@/lib/http/api-error";

export const unauthorized = (message = "Sign in or send `Authorization: Bearer <token>`") =>
  new ApiError(401, "unauthorized", message);

export const forbidden = (message: string, details?: unknown) =>
  new ApiError(403, "forbidden", message, details);

export const tooManyRequests = (retryAfterSeconds: number, scope: string) =>
  new ApiError(429, "rate_limited", `Too many requests (${scope}); retry in ${retryAfterSeconds}s`, {
    retry_after_s: retryAfterSeconds,
  });
