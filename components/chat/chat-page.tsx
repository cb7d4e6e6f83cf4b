"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { conversationKeys, fetchConversation } from "@/lib/chat/client-api";
import { ChatPanel } from "./chat-panel";
import { ConversationSidebar } from "./conversation-sidebar";
import { takeChatHandoff } from "./handoff";

interface Session {
  /** Remount key for the chat panel; unchanged when a new chat receives its id mid-stream. */
  key: string;
  conversationId: string | null;
  /** True when the messages must be loaded from the server first. */
  load: boolean;
  prompt?: string;
}

function setUrl(conversationId: string | null) {
  // replaceState keeps the live stream: a router navigation would remount the page.
  window.history.replaceState(
    null,
    "",
    conversationId ? `/chat?c=${encodeURIComponent(conversationId)}` : "/chat",
  );
}

function LoadedPanel({ session, onTurnFinished }: { session: Session; onTurnFinished: () => void }) {
  const id = session.conversationId ?? "";
  const { data, isPending, isError, error } = useQuery({
    queryKey: conversationKeys.one(id),
    queryFn: () => fetchConversation(id),
    staleTime: 0,
    gcTime: 0,
  });
  if (isPending) return <p className="p-5 text-sm text-slate-500">Loading conversation…</p>;
  if (isError) {
    return (
      <p role="alert" className="p-5 text-sm text-red-600">
        Could not open this conversation: {error.message}
      </p>
    );
  }
  return (
    <ChatPanel
      conversationId={id}
      initialMessages={data.messages}
      onConversationCreated={() => {}}
      onTurnFinished={onTurnFinished}
    />
  );
}

export function ChatPage({
  initialConversationId,
  initialPrompt,
  handoffId,
}: {
  initialConversationId?: string;
  initialPrompt?: string;
  /** sessionStorage key of a prompt handed over by another page (see handoff.ts). */
  handoffId?: string;
}) {
  const qc = useQueryClient();
  const [session, setSession] = useState<Session>(() =>
    initialConversationId
      ? { key: initialConversationId, conversationId: initialConversationId, load: true }
      : { key: "new", conversationId: null, load: false, prompt: initialPrompt },
  );
  const [sidebarOpen, setSidebarOpen] = useState(false);

  // sessionStorage exists only in the browser, so the handed-over prompt is
  // picked up after hydration; the id leaves the URL once it has been read.
  useEffect(() => {
    if (!handoffId || initialConversationId) return;
    const prompt = takeChatHandoff(handoffId);
    setUrl(null);
    if (prompt) setSession({ key: `handoff-${handoffId}`, conversationId: null, load: false, prompt });
  }, [handoffId, initialConversationId]);

  const refreshList = useCallback(() => qc.invalidateQueries({ queryKey: conversationKeys.all }), [qc]);

  const select = (id: string) => {
    setSession({ key: `${id}-${Date.now()}`, conversationId: id, load: true });
    setUrl(id);
    setSidebarOpen(false);
  };
  const startNew = () => {
    setSession({ key: `new-${Date.now()}`, conversationId: null, load: false });
    setUrl(null);
    setSidebarOpen(false);
  };
  const created = (id: string) => {
    setSession((s) => ({ ...s, conversationId: id, prompt: undefined }));
    setUrl(id);
    void refreshList();
  };

  return (
    <div className="flex h-[calc(100dvh-12rem)] min-h-[28rem] gap-4 lg:h-[calc(100dvh-9rem)]">
      <aside
        className={`${sidebarOpen ? "fixed inset-0 z-40 block bg-white p-4 dark:bg-slate-950" : "hidden"} w-full shrink-0 md:static md:block md:w-60 md:bg-transparent md:p-0`}
      >
        {sidebarOpen && (
          <button
            type="button"
            onClick={() => setSidebarOpen(false)}
            className="mb-2 text-sm underline md:hidden"
          >
            Close
          </button>
        )}
        <ConversationSidebar activeId={session.conversationId} onSelect={select} onNew={startNew} />
      </aside>
      <section
        aria-label="Chat"
        className="flex min-w-0 flex-1 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900/40"
      >
        <div className="flex items-center justify-between border-b border-slate-200 px-3 py-1.5 md:hidden dark:border-slate-800">
          <button
            type="button"
            onClick={() => setSidebarOpen(true)}
            className="text-sm font-medium underline"
          >
            Conversations
          </button>
          <button type="button" onClick={startNew} className="text-sm font-medium underline">
            New chat
          </button>
        </div>
        <div className="min-h-0 flex-1">
          {session.load ? (
            <LoadedPanel key={session.key} session={session} onTurnFinished={refreshList} />
          ) : (
            <ChatPanel
              key={session.key}
              conversationId={null}
              initialMessages={[]}
              initialPrompt={session.prompt}
              onConversationCreated={created}
              onTurnFinished={refreshList}
            />
          )}
        </div>
      </section>
    </div>
  );
}
