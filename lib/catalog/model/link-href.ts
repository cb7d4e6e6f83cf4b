import { isSafeLinkUrl } from "../validation/validators";

/**
 * The `href` for an entity link, or undefined when it must be shown as plain text. Ingest rejects
 * other schemes, but entities stored before that check (or written directly) can still carry
 * `javascript:` or `data:` URLs, so the UI checks again.
 */
export function safeLinkHref(url: unknown): string | undefined {
  return isSafeLinkUrl(url) ? (url as string) : undefined;
}
