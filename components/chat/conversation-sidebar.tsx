"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  conversationKeys,
  deleteConversationRequest,
  fetchConversations,
  renameConversationRequest,
} from "@/lib/chat/client-api";
import type { ConversationSummary } from "@/lib/chat/types";

function Row({
  conversation,
  active,
  onSelect,
  onDeleted,
}: {
  conversation: ConversationSummary;
  active: boolean;
  onSelect: () => void;
  onDeleted: () => void;
}) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  const rename = useMutation({
    mutationFn: (t: string) => renameConversationRequest(conversation.id, t),
    onSuccess: () => qc.invalidateQueries({ queryKey: conversationKeys.all }),
  });
  const remove = useMutation({
    mutationFn: () => deleteConversationRequest(conversation.id),
    onSuccess: () => {
      onDeleted();
      return qc.invalidateQueries({ queryKey: conversationKeys.all });
    },
  });

  if (editing) {
    return (
      <li>
        <form
          className="flex gap-1 px-1 py-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) rename.mutate(title.trim());
            setEditing(false);
          }}
        >
          <label className="sr-only" htmlFor={`rename-${conversation.id}`}>
            Conversation title
          </label>
          <input
            id={`rename-${conversation.id}`}
            value={title}
            maxLength={120}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this row
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setTitle(conversation.title);
                setEditing(false);
              }
            }}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <button
            type="submit"
            className="rounded px-2 text-xs font-medium text-brand-700 dark:text-brand-500"
          >
            Save
          </button>
        </form>
      </li>
    );
  }

  return (
    <li
      className={`group flex items-center rounded-md ${active ? "bg-brand-50 dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-800/60"}`}
    >
      <button
        type="button"
        onClick={onSelect}
        aria-current={active ? "true" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 text-left text-sm"
        title={conversation.title}
      >
        {conversation.title}
      </button>
      <button
        type="button"
        onClick={() => setEditing(true)}
        aria-label={`Rename ${conversation.title}`}
        className="rounded px-1.5 py-1 text-xs text-slate-500 hover:text-slate-900 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 dark:hover:text-white"
      >
        Rename
      </button>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(`Delete “${conversation.title}”?`)) remove.mutate();
        }}
        aria-label={`Delete ${conversation.title}`}
        className="rounded px-1.5 py-1 text-xs text-red-600 hover:text-red-800 focus-visible:opacity-100 sm:opacity-0 sm:group-hover:opacity-100 dark:text-red-400"
      >
        Delete
      </button>
    </li>
  );
}

export function ConversationSidebar({
  activeId,
  onSelect,
  onNew,
}: {
  activeId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
}) {
  const { data, isPending, isError, error } = useQuery({
    queryKey: conversationKeys.all,
    queryFn: fetchConversations,
    staleTime: 5_000,
  });
  return (
    <nav aria-label="Conversations" className="flex h-full min-h-0 flex-col gap-2">
      <button
        type="button"
        onClick={onNew}
        className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        + New chat
      </button>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {isPending && <p className="px-2 text-xs text-slate-500">Loading…</p>}
        {isError && (
          <p className="px-2 text-xs text-red-600">Could not load conversations: {error.message}</p>
        )}
        {data?.length === 0 && <p className="px-2 text-xs text-slate-500">No saved conversations yet.</p>}
        <ul className="space-y-0.5">
          {data?.map((c) => (
            <Row
              key={c.id}
              conversation={c}
              active={c.id === activeId}
              onSelect={() => onSelect(c.id)}
              onDeleted={() => {
                if (c.id === activeId) onNew();
              }}
            />
          ))}
        </ul>
      </div>
    </nav>
  );
}
