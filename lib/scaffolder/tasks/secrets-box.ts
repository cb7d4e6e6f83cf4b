import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals task secrets — and anything stored for a task that may contain them (workspace snapshots,
 * checkpoints) — with AES-256-GCM. The key comes from PORTICO_SCAFFOLDER_SECRETS_KEY (any string;
 * SHA-256 makes it 32 bytes). Without a key such data is never written to the database.
 */
const keyOf = (key: string) => createHash("sha256").update(key).digest();

/** Binary form: MAGIC, 12-byte IV, 16-byte tag, ciphertext. */
const MAGIC = Buffer.from("PSB1");

export function sealBytes(plain: Buffer, key: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(key), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
}

export function isSealedBytes(buf: Buffer): boolean {
  return buf.subarray(0, MAGIC.length).equals(MAGIC);
}

export function openBytes(sealed: Buffer, key: string): Buffer {
  if (!isSealedBytes(sealed)) throw new Error("Unknown sealed data format");
  const iv = sealed.subarray(4, 16);
  const tag = sealed.subarray(16, 32);
  const decipher = createDecipheriv("aes-256-gcm", keyOf(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()]);
}

export function sealSecrets(secrets: Record<string, string>, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(key), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(
    ".",
  );
}

export function openSecrets(sealed: string, key: string): Record<string, string> {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !body) throw new Error("Unknown sealed secrets format");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(key), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const text = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
    "utf8",
  );
  return JSON.parse(text) as Record<string, string>;
}
