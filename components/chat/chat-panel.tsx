"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useMemo, useRef } from "react";
import { readableError } from "@/lib/chat/client-api";
import type { ChatDataParts, ChatRequestBody, ChatUIMessage } from "@/lib/chat/types";
import { Composer } from "./composer";
import { MessageView } from "./message-view";

export interface ChatPanelProps {
  conversationId: string | null;
  initialMessages: ChatUIMessage[];
  /** Sent once on mount (e.g. from /chat?q=…). */
  initialPrompt?: string;
  onConversationCreated: (id: string) => void;
  onTurnFinished: () => void;
}

function statusText(status: string, error: Error | undefined): string {
  if (status === "submitted") return "Sending your message…";
  if (status === "streaming") return "Assistant is responding…";
  if (status === "error") return `Error: ${readableError(error?.message ?? "")}`;
  return "";
}

export function ChatPanel({
  conversationId,
  initialMessages,
  initialPrompt,
  onConversationCreated,
  onTurnFinished,
}: ChatPanelProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const conversationRef = useRef<string | null>(conversationId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sentInitial = useRef(false);

  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: "/api/chat",
        // The server keeps the history; send only the newest user message.
        prepareSendMessagesRequest: ({ messages, trigger }) => {
          const last = [...messages].reverse().find((m) => m.role === "user");
          const body: ChatRequestBody = {
            conversationId: conversationRef.current ?? undefined,
            message: {
              id: last?.id ?? "",
              role: "user",
              parts: (last?.parts ?? []).flatMap((p) =>
                p.type === "text" ? [{ type: "text" as const, text: p.text }] : [],
              ),
            },
            trigger,
          };
          return { body };
        },
      }),
    [],
  );

  const { messages, sendMessage, regenerate, stop, status, error, clearError } = useChat<ChatUIMessage>({
    id: conversationId ?? undefined,
    messages: initialMessages,
    transport,
    experimental_throttle: 40,
    onData: (part) => {
      if (part.type === "data-conversation") {
        const { id } = part.data as ChatDataParts["conversation"];
        conversationRef.current = id;
        onConversationCreated(id);
      }
    },
    onFinish: () => onTurnFinished(),
    onError: () => onTurnFinished(),
  });

  const busy = status === "submitted" || status === "streaming";

  // Keep the newest content in view unless the reader scrolled up.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 160) el.scrollTop = el.scrollHeight;
  });

  useEffect(() => {
    if (!busy) inputRef.current?.focus();
  }, [busy]);

  useEffect(() => {
    if (initialPrompt && !sentInitial.current) {
      sentInitial.current = true;
      void sendMessage({ text: initialPrompt });
    }
  }, [initialPrompt, sendMessage]);

  const last = messages.at(-1);
  const canRegenerate = !busy && last?.role === "assistant";

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-3 py-4 sm:px-5">
        {messages.length === 0 ? (
          <div className="mx-auto max-w-md py-10 text-center text-sm text-slate-500 dark:text-slate-400">
            <p className="text-base font-medium text-slate-700 dark:text-slate-200">How can I help?</p>
            <p className="mt-2">
              Paste an error or log to diagnose it, ask for a runbook, find who owns a service, or check
              cluster health.
            </p>
          </div>
        ) : (
          <ol aria-label="Conversation" className="space-y-4">
            {messages.map((m) => (
              <MessageView key={m.id} message={m} />
            ))}
          </ol>
        )}
        {status === "submitted" && (
          <p className="mt-3 text-sm text-slate-500 dark:text-slate-400" aria-hidden>
            Thinking…
          </p>
        )}
        {error && (
          <div
            role="alert"
            className="mt-3 flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          >
            <span className="flex-1">{readableError(error.message, "Something went wrong.")}</span>
            <button
              type="button"
              onClick={() => {
                clearError();
                void regenerate();
              }}
              className="rounded border border-red-400 px-2 py-0.5 text-xs font-medium hover:bg-red-100 dark:hover:bg-red-900"
            >
              Retry
            </button>
          </div>
        )}
        {canRegenerate && !error && (
          <div className="mt-2">
            <button
              type="button"
              onClick={() => void regenerate()}
              className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              Regenerate
            </button>
          </div>
        )}
      </div>
      <p role="status" aria-live="polite" className="sr-only" data-testid="chat-status">
        {statusText(status, error)}
      </p>
      <Composer
        inputRef={inputRef}
        busy={busy}
        onSend={(text) => {
          if (error) clearError();
          void sendMessage({ text });
        }}
        onStop={() => {
          void stop();
          inputRef.current?.focus();
        }}
      />
    </div>
  );
}
