import { handleChat } from "@/lib/chat/handle-chat";
import { chatRequestSchema, MAX_CHAT_BODY_BYTES } from "@/lib/chat/request";
import { getChatHandlerDeps } from "@/lib/chat/server-deps";
import { parseJsonBody, withRoute } from "@/lib/http";
import { trackOpenStream } from "@/lib/metrics/record";

export const dynamic = "force-dynamic";

export const POST = withRoute("chat", async ({ req, log }) => {
  const body = await parseJsonBody(req, chatRequestSchema, MAX_CHAT_BODY_BYTES);
  return trackOpenStream(await handleChat(body, getChatHandlerDeps(log), req.signal));
});
