import { z } from "zod";
import {
  type DiagnoseRequest,
  diagnoseRequestSchema,
  isErrorMessageTooLarge,
  MAX_ERROR_MESSAGE_BYTES,
} from "@/lib/diagnose/schema";
import { ApiError, badRequest, parseJsonBody, zodProblems } from "@/lib/http";

/**
 * The body may be several times the 256 KiB message limit once JSON-escaped
 * (a control byte becomes `\u0000`, six bytes), so the transport cap is wider
 * and the message itself is measured after decoding.
 */
export const MAX_DIAGNOSE_BODY_BYTES = MAX_ERROR_MESSAGE_BYTES * 6 + 64 * 1024;

export function errorMessageTooLarge(): ApiError {
  return new ApiError(
    413,
    "payload_too_large",
    `error_message exceeds ${MAX_ERROR_MESSAGE_BYTES} bytes (UTF-8); send the most relevant part of the log`,
    { field: "error_message", limit_bytes: MAX_ERROR_MESSAGE_BYTES },
  );
}

/** 413 for an oversized error_message (not the generic 400 the schema would give), else 400 naming fields. */
export async function parseDiagnoseBody(req: Request): Promise<DiagnoseRequest> {
  const json = await parseJsonBody(req, z.unknown(), MAX_DIAGNOSE_BODY_BYTES);
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const message = (json as Record<string, unknown>).error_message;
    if (typeof message === "string" && isErrorMessageTooLarge(message)) throw errorMessageTooLarge();
  }
  const parsed = diagnoseRequestSchema.safeParse(json);
  if (!parsed.success) {
    const fields = zodProblems(parsed.error);
    throw badRequest(`Invalid body: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, { fields });
  }
  return parsed.data;
}
