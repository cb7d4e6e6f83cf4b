import { z } from "zod";
import { storableText } from "./request";
import { MAX_TITLE_CHARS } from "./types";

export const conversationIdParams = z.object({ id: z.uuid({ message: "must be a conversation id (UUID)" }) });

export const renameConversationBody = z.object({
  title: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .refine(storableText, "must be well-formed Unicode without NUL characters")
    .max(MAX_TITLE_CHARS, `must be at most ${MAX_TITLE_CHARS} characters`),
});

export const listConversationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
