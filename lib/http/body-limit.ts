import { getServerConfig } from "@/lib/config/server-config";
import { PROXY_BUFFER_SLACK_BYTES } from "./proxy-buffer";

/**
 * The ceiling for every request body: PORTICO_MAX_BODY_BYTES, but never more than the
 * build's proxy buffer allows to measure (inlined by next.config.ts; absent in tests).
 */
export function maxBodyBytes(): number {
  const configured = getServerConfig().http.maxBodyBytes;
  const buffer = Number(process.env.PORTICO_PROXY_BODY_BUFFER_BYTES);
  if (!Number.isFinite(buffer) || buffer <= PROXY_BUFFER_SLACK_BYTES) return configured;
  return Math.min(configured, buffer - PROXY_BUFFER_SLACK_BYTES);
}

/**
 * True when the body is larger than `limit`. A declared Content-Length decides at once
 * (Node's parser never delivers more than it declares); a chunked body is counted as it
 * streams and abandoned at the first byte over the limit.
 */
export async function bodyExceeds(req: Request, limit: number): Promise<boolean> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim())) return Number(declared) > limit;
  if (!req.body) return false;
  const reader = req.body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
}
