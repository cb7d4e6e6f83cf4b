import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals task secrets with AES-256-GCM. The key comes from PORTICO_SCAFFOLDER_SECRETS_KEY (any
 * string; SHA-256 makes it 32 bytes). Without a key secrets are never written to the database.
 */
export function sealSecrets(secrets: Record<string, string>, key: string): string {
  const k = createHash("sha256").update(key).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(
    ".",
  );
}

export function openSecrets(sealed: string, key: string): Record<string, string> {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !body) throw new Error("Unknown sealed secrets format");
  const k = createHash("sha256").update(key).digest();
  const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  const text = Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
    "utf8",
  );
  return JSON.parse(text) as Record<string, string>;
}
