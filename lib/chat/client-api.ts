/** Browser-side calls to the conversation API (plain fetch; React Query wraps them). */
import type { ConversationSummary, ConversationWithMessages } from "./types";

/** Turns an API error body `{error:{message}}` (or any text) into a readable message. */
export function readableError(raw: string, fallback = "Request failed"): string {
  try {
    const body = JSON.parse(raw) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: use the text itself
  }
  return raw.trim() || fallback;
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(readableError(await res.text(), `${res.status} ${res.statusText}`));
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const conversationKeys = {
  all: ["conversations"] as const,
  one: (id: string) => ["conversations", id] as const,
};

export async function fetchConversations(): Promise<ConversationSummary[]> {
  return (await request<{ conversations: ConversationSummary[] }>("/api/conversations")).conversations;
}

export function fetchConversation(id: string): Promise<ConversationWithMessages> {
  return request(`/api/conversations/${encodeURIComponent(id)}`);
}

export function renameConversationRequest(id: string, title: string): Promise<ConversationSummary> {
  return request(`/api/conversations/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });
}

export function deleteConversationRequest(id: string): Promise<void> {
  return request(`/api/conversations/${encodeURIComponent(id)}`, { method: "DELETE" });
}
