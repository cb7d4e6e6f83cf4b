import { z } from "zod";
import { SCOPES } from "./scopes";

/** `POST /api/tokens` body. */
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z
    .array(z.enum(SCOPES, { message: `must be one of ${SCOPES.join(", ")}` }))
    .min(1, "at least one scope is required")
    .max(SCOPES.length),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).optional(),
  service: z.boolean().optional(),
});

export const createdTokenSchema = z.object({
  id: z.uuid(),
  token: z.string().meta({ description: "The secret (`ptc_…`), shown only in this response." }),
  name: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
});

export const tokenSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  service: z.boolean(),
  createdBy: z.string(),
  createdByName: z.string(),
  rateLimitPerMinute: z.number().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const tokenIdParams = z.object({ id: z.uuid({ message: "must be a token id (UUID)" }) });

/** `GET /api/audit-log` query. */
export const auditLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "must be a cursor from a previous page")
    .optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().min(1).max(100).optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  details: z.unknown(),
});
