import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Recognisable in logs, secret scanners and paste buffers. */
export const TOKEN_PREFIX = "ptc_";

/** 32 random bytes: a hash lookup is enough, no slow KDF needed for this entropy. */
export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Shown in token lists so a person can tell tokens apart; reveals 4 of 43 random characters. */
export function tokenDisplayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 4);
}

/** Constant-time comparison of two hex digests (for the bootstrap token, held as a hash). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
