import pino from "pino";
import { SECRET_KEY_NAMES } from "@/lib/diagnose/secret-keys";

// pino paths are exact, so each secret key name is censored at the top of a
// log object and up to three levels down (`headers.cookie`,
// `err.config.headers.authorization`). Text inside messages is the callers'
// job (redactSecrets); this is the net for objects.
const LOG_REDACT_PATHS = SECRET_KEY_NAMES.flatMap((key) => {
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [k.startsWith(".") ? k.slice(1) : k, `*${k}`, `*.*${k}`, `*.*.*${k}`];
});

/**
 * One structured JSON logger for the server. Redaction here is a last line of
 * defence: request bodies are never logged, but headers and config objects can
 * carry credentials.
 */
const level = process.env.PORTICO_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");

export const logger = pino({
  level,
  base: { service: "portico" },
  redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
});

/**
 * The per-request access line only (withRoute): its fields are fixed (route, request id,
 * method, pathname, status, ms, principal id) and carry no secrets, so it skips the ~260
 * wildcard redaction paths, which cost more than the rest of a health probe's request.
 * Written asynchronously (lines that arrive while a write is in flight go out together, and
 * pino flushes them on exit): a blocking write per request was ~5 % of a request's CPU.
 */
export const accessLogger = pino(
  { level, base: { service: "portico" } },
  pino.destination({ dest: 1, sync: false }),
);

export type Logger = pino.Logger;
