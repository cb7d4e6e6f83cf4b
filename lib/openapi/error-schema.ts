import { z } from "zod";
import type { ErrorBody } from "@/lib/http/api-error";

/** The body of every 4xx/5xx answer produced by lib/http's withRoute. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe("Machine-readable code: invalid_request, not_found, payload_too_large, internal_error, …"),
    message: z.string().describe("Human-readable explanation, naming the offending fields."),
    details: z
      .unknown()
      .optional()
      .describe("Structured detail, e.g. { fields: [{ field, message }] } for validation errors."),
  }),
});

// Compile-time guard: the documented shape must stay the one withRoute sends.
const _sameShape: z.infer<typeof errorBodySchema> = {} as ErrorBody;
void _sameShape;
