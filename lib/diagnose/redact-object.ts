import { REDACTED, redactSecrets } from "./redact";

const SECRET_KEY = /(password|passwd|secret|token|api[_-]?key|private[_-]?key|credential)/i;
const REFERENCE_KEY = /(name|names|ref|file|path)$/i;
const MAX_DEPTH = 12;

/**
 * Redacts secrets inside structured data (pod specs, catalog entities) before
 * they are returned or sent to a model: string values go through the text
 * redactor, and primitive values under secret-looking keys are replaced.
 */
export function redactObject(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return "[TRUNCATED]";
  if (typeof value === "string") return redactSecrets(value);
  if (Array.isArray(value)) return value.map((v) => redactObject(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const secretKey = SECRET_KEY.test(k) && !REFERENCE_KEY.test(k);
      out[k] = secretKey && v !== null && typeof v !== "object" ? REDACTED : redactObject(v, depth + 1);
    }
    // Kubernetes env entries carry the secret-ness in `name`, not in the key.
    if (
      typeof out.name === "string" &&
      "value" in out &&
      SECRET_KEY.test(out.name) &&
      typeof out.value === "string"
    ) {
      out.value = REDACTED;
    }
    return out;
  }
  return value;
}
