import { listConversationsQuery } from "@/lib/chat/conversation-schemas";
import { listConversations } from "@/lib/chat/store";
import { getDb } from "@/lib/db/client";
import { parseQuery, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = withRoute("conversations.list", { scope: "chat" }, async ({ req, principal }) => {
  const { limit } = parseQuery(req.url, listConversationsQuery);
  return { conversations: await listConversations(getDb(), { limit, userId: principal.id }) };
});
