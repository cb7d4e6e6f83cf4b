"use client";

import { type FormEvent, type KeyboardEvent, type RefObject, useState } from "react";
import { MAX_MESSAGE_TEXT_BYTES } from "@/lib/chat/types";

const byteLength = (s: string) => new TextEncoder().encode(s).length;

export function Composer({
  inputRef,
  busy,
  onSend,
  onStop,
}: {
  inputRef: RefObject<HTMLTextAreaElement | null>;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}) {
  const [text, setText] = useState("");
  const tooLong = byteLength(text) > MAX_MESSAGE_TEXT_BYTES;
  const canSend = !busy && text.trim() !== "" && !tooLong;

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!canSend) return;
    onSend(text);
    setText("");
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter inserts a newline; IME composition must not send half a word.
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="border-t border-slate-200 p-3 dark:border-slate-800">
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id="chat-input"
          ref={inputRef}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          rows={Math.min(8, Math.max(1, text.split("\n").length))}
          placeholder="Ask about an error, a runbook, an owner or the cluster…"
          aria-describedby="chat-input-hint"
          aria-invalid={tooLong || undefined}
          className="max-h-60 min-h-10 flex-1 resize-none rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-2 focus:outline-brand-500 dark:border-slate-700 dark:bg-slate-900"
        />
        {busy ? (
          <button
            type="button"
            onClick={onStop}
            className="rounded-lg bg-slate-700 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-brand-500 dark:bg-slate-600"
          >
            Stop
          </button>
        ) : (
          <button
            type="submit"
            disabled={!canSend}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-50"
          >
            Send
          </button>
        )}
      </div>
      <p
        id="chat-input-hint"
        className={`mt-1 text-xs ${tooLong ? "text-red-600" : "text-slate-500 dark:text-slate-400"}`}
      >
        {tooLong
          ? `Too long: messages are limited to ${MAX_MESSAGE_TEXT_BYTES / 1024} KiB.`
          : "Enter to send, Shift+Enter for a new line. Secrets are redacted before anything reaches the model."}
      </p>
    </form>
  );
}
