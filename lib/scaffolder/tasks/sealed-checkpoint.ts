import type { Prisma } from "@/generated/prisma/client";
import { isSealedBytes, openBytes, sealBytes } from "./secrets-box";

const SEALED = "$sealed";

/** A checkpoint value as stored: plain JSON, or `{ "$sealed": base64 }` when a key is configured. */
export function sealCheckpoint(value: unknown, key: string | undefined): Prisma.InputJsonValue {
  const json = JSON.stringify(value ?? null);
  if (!key) return JSON.parse(json) as Prisma.InputJsonValue;
  return { [SEALED]: sealBytes(Buffer.from(json, "utf8"), key).toString("base64") };
}

/** `ok: false` when the value is sealed and cannot be opened here: the action then runs again. */
export function openCheckpoint(stored: unknown, key: string | undefined): { ok: boolean; value?: unknown } {
  if (!stored || typeof stored !== "object" || Array.isArray(stored) || !Object.hasOwn(stored, SEALED))
    return { ok: true, value: stored };
  const raw = (stored as Record<string, unknown>)[SEALED];
  if (typeof raw !== "string" || !key) return { ok: false };
  const buf = Buffer.from(raw, "base64");
  if (!isSealedBytes(buf)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(openBytes(buf, key).toString("utf8")) };
  } catch {
    return { ok: false };
  }
}
