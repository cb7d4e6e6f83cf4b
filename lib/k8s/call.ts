import { ApiException, type ConfigurationOptions, Observable } from "@kubernetes/client-node";
import { countKubernetesError } from "@/lib/metrics/record";
import type { ResourceError } from "./types";

export type CallResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number | null; error: ResourceError };

class KubeTimeoutError extends Error {}

/** Per-call options that attach an AbortSignal to the underlying fetch. */
export function abortOptions(signal: AbortSignal): ConfigurationOptions {
  return {
    middlewareMergeStrategy: "append",
    middleware: [
      {
        pre: (ctx) => {
          ctx.setSignal(signal);
          return new Observable(Promise.resolve(ctx));
        },
        post: (res) => new Observable(Promise.resolve(res)),
      },
    ],
  };
}

/**
 * Runs one read against the API server with a hard deadline. The race is
 * there in addition to the AbortSignal so a slow body or a stuck
 * deserializer can never hold up the whole answer.
 */
export async function kubeCall<T>(
  resource: string,
  timeoutMs: number,
  fn: (options: ConfigurationOptions) => Promise<T>,
): Promise<CallResult<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new KubeTimeoutError(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const value = await Promise.race([fn(abortOptions(controller.signal)), deadline]);
    return { ok: true, value };
  } catch (err) {
    countKubernetesError(resource, statusOf(err));
    return { ok: false, status: statusOf(err), error: { resource, message: describeKubeError(err) } };
  } finally {
    clearTimeout(timer);
  }
}

function statusOf(err: unknown): number | null {
  return err instanceof ApiException ? err.code : null;
}

/** Short, human-readable error text; never includes the full response body. */
export function describeKubeError(err: unknown): string {
  if (err instanceof KubeTimeoutError) return err.message;
  if (err instanceof ApiException) {
    const body = parseBody(err.body);
    const detail = body?.message ?? body?.reason;
    const label = err.code === 403 ? "forbidden" : err.code === 404 ? "not found" : "HTTP error";
    return detail ? `${label} (${err.code}): ${detail}` : `${label} (${err.code})`;
  }
  if (err instanceof SyntaxError) return `malformed response from API server: ${err.message}`;
  if (err instanceof Error) {
    if (err.name === "AbortError") return "request aborted";
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${err.message} (${cause.code})` : err.message;
  }
  return String(err);
}

function parseBody(body: unknown): { message?: string; reason?: string } | null {
  if (body && typeof body === "object") return body as { message?: string; reason?: string };
  if (typeof body !== "string") return null;
  try {
    const parsed = JSON.parse(body);
    return parsed && typeof parsed === "object" ? parsed : null;
  } catch {
    return null;
  }
}
