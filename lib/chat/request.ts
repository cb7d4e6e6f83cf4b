import { z } from "zod";
import { ApiError, badRequest } from "@/lib/http/api-error";
import { MAX_MESSAGE_TEXT_BYTES } from "./types";

/** Room for JSON framing around a maximal message; larger bodies are refused unread. */
export const MAX_CHAT_BODY_BYTES = 4 * MAX_MESSAGE_TEXT_BYTES;

export const chatRequestSchema = z.object({
  conversationId: z.uuid({ message: "must be a conversation id (UUID)" }).optional(),
  message: z.object({
    id: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, '_' or '-'"),
    role: z.literal("user", { message: "only user messages can be sent" }),
    parts: z
      .array(
        z.object({
          type: z.literal("text", { message: "only text parts are supported" }),
          // Postgres text cannot hold NUL or a lone UTF-16 surrogate; refuse them as input errors.
          text: z.string().refine(storableText, "must be well-formed Unicode without NUL characters"),
        }),
      )
      .min(1, "must contain at least one text part")
      .max(20),
  }),
  trigger: z.enum(["submit-message", "regenerate-message"]).optional(),
});

export type ChatRequest = z.output<typeof chatRequestSchema>;

/** Text Postgres can store: well-formed UTF-16 (no lone surrogates) and no NUL. */
export function storableText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Rules zod cannot express well: whitespace-only text and a size limit in bytes. */
export function checkMessageText(request: ChatRequest): string {
  const text = request.message.parts.map((p) => p.text).join("\n");
  if (text.trim() === "") {
    throw badRequest("message.parts: the message is empty", {
      fields: [{ field: "message.parts", message: "must contain non-whitespace text" }],
    });
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_MESSAGE_TEXT_BYTES) {
    throw new ApiError(
      413,
      "payload_too_large",
      `message.parts: the message text is ${bytes} bytes; the limit is ${MAX_MESSAGE_TEXT_BYTES}`,
      { fields: [{ field: "message.parts", message: "too long" }], limit_bytes: MAX_MESSAGE_TEXT_BYTES },
    );
  }
  return text;
}

/**
 * The conversation title shown in the sidebar: the first non-empty line,
 * redacted BEFORE it is cut, so a token split at the cut cannot slip past the
 * redactor's patterns as an unrecognisable prefix.
 */
export function titleFromText(text: string, redact: (text: string) => string, maxChars = 60): string {
  const firstLine =
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? "New chat";
  const collapsed = redact(firstLine).replace(/\s+/g, " ");
  return collapsed.length > maxChars ? `${collapsed.slice(0, maxChars - 1).trimEnd()}…` : collapsed;
}
