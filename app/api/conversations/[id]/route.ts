import { conversationIdParams, renameConversationBody } from "@/lib/chat/conversation-schemas";
import { deleteConversation, getConversationWithMessages, renameConversation } from "@/lib/chat/store";
import { getDb } from "@/lib/db/client";
import { redactSecrets } from "@/lib/diagnose/redact";
import { notFound, parseJsonBody, parsePathParams, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

const missing = (id: string) =>
  notFound(`No conversation ${id}`, { fields: [{ field: "id", message: "unknown" }] });

export const GET = withRoute<{ id: string }>(
  "conversations.get",
  { scope: "chat" },
  async ({ params, principal }) => {
    const { id } = parsePathParams(params, conversationIdParams);
    const conversation = await getConversationWithMessages(getDb(), id, principal.id);
    if (!conversation) throw missing(id);
    return conversation;
  },
);

export const PATCH = withRoute<{ id: string }>(
  "conversations.rename",
  { scope: "chat" },
  async ({ req, params, principal }) => {
    const { id } = parsePathParams(params, conversationIdParams);
    const { title } = await parseJsonBody(req, renameConversationBody, 4096);
    // A title is listed everywhere; a pasted token must not live on in it.
    const conversation = await renameConversation(getDb(), id, redactSecrets(title), principal.id);
    if (!conversation) throw missing(id);
    return conversation;
  },
);

export const DELETE = withRoute<{ id: string }>(
  "conversations.delete",
  { scope: "chat" },
  async ({ params, principal }) => {
    const { id } = parsePathParams(params, conversationIdParams);
    if (!(await deleteConversation(getDb(), id, principal.id))) throw missing(id);
    return new Response(null, { status: 204 });
  },
);
