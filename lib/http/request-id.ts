import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Honour a caller's X-Request-Id (so traces join up across services) unless it is unsafe to echo into logs. */
export function resolveRequestId(incoming: string | null): string {
  return incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
}
