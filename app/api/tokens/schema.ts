import { z } from "zod";
import { SCOPES } from "@/lib/access/scopes";

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

export const tokenIdParams = z.object({ id: z.uuid({ message: "must be a token id (UUID)" }) });
