import pino from "pino";

/**
 * One structured JSON logger for the server. Redaction here is a last line of
 * defence: request bodies are never logged, but headers and config objects can
 * carry credentials.
 */
export const logger = pino({
  level: process.env.PORTICO_LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "portico" },
  redact: {
    paths: [
      "*.authorization",
      "*.cookie",
      "*.apiKey",
      "*.password",
      "headers.authorization",
      "headers.cookie",
      'headers["x-api-key"]',
    ],
    censor: "[redacted]",
  },
});

export type Logger = pino.Logger;
