import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const flag = optionalString.transform((v) => v === "true" || v === "1");

const csv = optionalString.transform((v) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

const quota = (fallback: number) =>
  optionalString
    .pipe(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).optional())
    .pipe(z.number().int().min(1).max(10_000_000).optional())
    .transform((v) => v ?? fallback);

/**
 * Access-control variables (lib/access). Kept apart from schema.ts so the auth
 * settings read as one block; serverEnvSchema extends it.
 */
export const authEnvShape = {
  PORTICO_AUTH_MODE: z
    .enum(["local", "oidc"], { message: "must be local or oidc" })
    .optional()
    .transform((v) => v ?? "local"),
  // Address the server listens on; local mode allows only loopback unless the insecure flag is set.
  PORTICO_BIND_ADDRESS: optionalString,
  PORTICO_ALLOW_INSECURE_NETWORK: flag,
  PORTICO_BOOTSTRAP_TOKEN: optionalString.pipe(
    z.string().min(24, "must be at least 24 characters (use `openssl rand -hex 32`)").optional(),
  ),
  // Signs Better Auth session cookies; required in oidc mode.
  PORTICO_AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (use `openssl rand -hex 32`)").optional(),
  ),
  OIDC_ISSUER_URL: optionalString.pipe(
    z
      .string()
      .refine((v) => /^https?:\/\/[^/\s]+/.test(v), "must be an http(s) URL, e.g. https://login.example.com")
      .optional(),
  ),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_SCOPES: optionalString.transform((v) => (v ?? "openid profile email").split(/[\s,]+/).filter(Boolean)),
  OIDC_GROUPS_CLAIM: optionalString.transform((v) => v ?? "groups"),
  PORTICO_ADMIN_GROUPS: csv,
  PORTICO_VIEWER_GROUPS: csv,
  PORTICO_RATE_LIMIT_PER_MINUTE: optionalString
    .pipe(z.string().regex(/^\d+$/, "must be a whole number").transform(Number).optional())
    .pipe(z.number().int().min(1).max(100_000).optional())
    .transform((v) => v ?? 60),
  PORTICO_QUOTA_PASTED_LOCATIONS: quota(200),
  PORTICO_QUOTA_CONVERSATIONS: quota(1000),
  PORTICO_QUOTA_MESSAGES_PER_CONVERSATION: quota(500),
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL")
      .optional(),
  ),
};
