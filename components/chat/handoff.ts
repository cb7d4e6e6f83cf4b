/**
 * Hands a prompt from another page (Diagnose → "Continue in chat") to the chat
 * by reference: the text goes to sessionStorage under a random id and only the
 * id travels in the URL (`/chat?handoff=<id>`). A pasted log in a URL would
 * land in browser history, proxy and server access logs, and Referer headers.
 * sessionStorage is per tab (copied into a tab opened from a link), so the
 * handoff works for a normal click and a middle-click, and is read once.
 */
const PREFIX = "portico.chat-handoff.";
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_HANDOFF_CHARS = 32 * 1024;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

export function isHandoffId(value: string | undefined): value is string {
  return typeof value === "string" && ID.test(value);
}

export function chatHandoffHref(id: string): string {
  return `/chat?handoff=${encodeURIComponent(id)}`;
}

/** Stores the prompt; false when storage is unavailable (private mode quota, disabled). */
export function storeChatHandoff(
  id: string,
  prompt: string,
  storage: Storage = window.sessionStorage,
): boolean {
  try {
    storage.setItem(PREFIX + id, prompt.slice(0, MAX_HANDOFF_CHARS));
    return true;
  } catch {
    return false;
  }
}

/** Reads and forgets the prompt, so a reload does not send it twice. */
export function takeChatHandoff(id: string, storage: Storage = window.sessionStorage): string | null {
  try {
    const prompt = storage.getItem(PREFIX + id);
    storage.removeItem(PREFIX + id);
    return prompt;
  } catch {
    return null;
  }
}

/** A random v4 UUID; getRandomValues works on plain-http origins, randomUUID does not. */
export function newHandoffId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
