import { linearRegex } from "@/lib/text/linear-regex";

/**
 * Which object keys hold secrets. Shared by the object redactor (pod specs,
 * workloads, tool results) and the logger, so the two lists cannot drift.
 */

/** Exact key names the logger censors (pino paths cannot express substrings). */
export const SECRET_KEY_NAMES = [
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "secret",
  "clientSecret",
  "client_secret",
  "password",
  "passwd",
  "passphrase",
  "apiKey",
  "api_key",
  "apikey",
  "x-api-key",
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "privateKey",
  "private_key",
  "accessKey",
  "access_key",
  "secretAccessKey",
  "secret_access_key",
  "session",
  "sessionToken",
  "session_token",
  "credentials",
  "auth",
] as const;

// Substring match: `dbPassword`, `GITHUB_TOKEN`, `x-api-key`, `Set-Cookie`.
// A bare `auth` is only a secret as the whole key (docker config's
// `"auth": "base64(user:pass)"`); as a substring it hits `author`, `authMode`.
const SECRET_KEY = linearRegex(
  "secret-key-name",
  /password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|authorization|cookie|session|^auth$|^pwd$/i,
);

// Keys that contain a secret word but name a reference or a setting, not a
// value: `secretName`, `secretKeyRef`, `tokenFile`, `sessionAffinity`,
// `tokenExpirationSeconds`. Keeping them preserves what an operator needs.
const NOT_A_SECRET_VALUE = linearRegex(
  "secret-key-reference",
  /(?:name|names|ref|file|path|affinity|affinityconfig|timeout|seconds|ttl|enabled|type)$/i,
);

/** True when a key's primitive value should be replaced wholesale. */
export function isSecretKey(key: string): boolean {
  // Real keys are short; a 64 KB key from a request is not a name anyone chose.
  const bounded = key.length > 256 ? key.slice(0, 256) : key;
  return SECRET_KEY.test(bounded) && !NOT_A_SECRET_VALUE.test(bounded);
}
