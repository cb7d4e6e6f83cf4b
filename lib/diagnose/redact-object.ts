import { REDACTED, redactSecrets } from "./redact";
import { isSecretKey } from "./secret-keys";

const MAX_DEPTH = 12;

/**
 * Redacts secrets inside structured data (pod specs, events, workloads,
 * catalog entities) before they are returned or sent to a model: string values
 * go through the text redactor, and string/number values under secret-looking
 * keys are replaced (booleans and nulls carry no secret and stay readable).
 * Keys are copied as own data properties, so a `__proto__` key from the
 * cluster or a request cannot change the result's prototype.
 */
export function redactObject(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return "[TRUNCATED]";
  if (typeof value === "string") return redactSecrets(value);
  if (Array.isArray(value)) return value.map((v) => redactObject(v, depth + 1));
  if (value && typeof value === "object") {
    const entries: [string, unknown][] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const replace = (typeof v === "string" || typeof v === "number") && isSecretKey(k);
      entries.push([k, replace ? REDACTED : redactObject(v, depth + 1)]);
    }
    const out = Object.fromEntries(entries) as Record<string, unknown>;
    // Kubernetes env entries carry the secret-ness in `name`, not in the key.
    if (
      Object.hasOwn(out, "name") &&
      Object.hasOwn(out, "value") &&
      typeof out.name === "string" &&
      typeof out.value === "string" &&
      isSecretKey(out.name)
    ) {
      out.value = REDACTED;
    }
    return out;
  }
  return value;
}

/**
 * Runs the text redactor over every string in a value we built ourselves
 * (pod summaries, events, cluster problems): the shape is ours, the text came
 * from the cluster (event messages, termination messages, `kubectl` errors)
 * and can carry whatever a container printed. Own-property copies, as above.
 */
export function redactStrings<T>(value: T, depth = 0): T {
  if (typeof value === "string") return redactSecrets(value) as T;
  if (depth > MAX_DEPTH * 2 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, depth + 1)) as T;
  if (value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactStrings(v, depth + 1)]),
  ) as T;
}
