import { ChatPage } from "@/components/chat/chat-page";
import { isHandoffId } from "@/components/chat/handoff";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Chat" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `/chat?c=<conversation id>` reopens a saved conversation;
 * `/chat?handoff=<id>` starts a new one with a message another page left in
 * sessionStorage ("Continue in chat" from Diagnose: the paste never enters
 * the URL); `/chat?q=<text>` starts one with short typed text (e.g. a
 * bookmarked question).
 */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const c = first(params.c);
  const q = first(params.q)?.trim();
  const handoff = first(params.handoff);
  return (
    <>
      <PageHeader
        title="Chat"
        description="Ask about errors, runbooks, owners and cluster health. Answers use Portico's tools, read-only."
      />
      <ChatPage
        key={c ?? handoff ?? q ?? "new"}
        initialConversationId={c && UUID.test(c) ? c : undefined}
        initialPrompt={q ? q.slice(0, 32 * 1024) : undefined}
        handoffId={isHandoffId(handoff) ? handoff : undefined}
      />
    </>
  );
}
