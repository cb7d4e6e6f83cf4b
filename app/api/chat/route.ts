import { hasScope } from "@/lib/access/scopes";
import { handleChat } from "@/lib/chat/handle-chat";
import { chatRequestSchema, MAX_CHAT_BODY_BYTES } from "@/lib/chat/request";
import { getChatHandlerDeps } from "@/lib/chat/server-deps";
import { restrictToolsToScopes } from "@/lib/chat/tool-access";
import { getServerConfig } from "@/lib/config/server-config";
import { parseJsonBody, withRoute } from "@/lib/http";
import { trackOpenStream } from "@/lib/metrics/record";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  "chat",
  { scope: "chat", rateLimit: "chat" },
  async ({ req, log, principal }) => {
    const body = await parseJsonBody(req, chatRequestSchema, MAX_CHAT_BODY_BYTES);
    const base = getChatHandlerDeps(log);
    const deps = {
      ...base,
      tools: restrictToolsToScopes(base.tools, (scope) => hasScope(principal.scopes, scope)),
      owner: principal.id,
      quotas: getServerConfig().auth.quotas,
    };
    return trackOpenStream(await handleChat(body, deps, req.signal));
  },
);
