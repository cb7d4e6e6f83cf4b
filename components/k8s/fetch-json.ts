/** GET JSON from a portal API route; non-2xx becomes an Error carrying the API's `error.message` and status. */
export class ApiFetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiFetchError";
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Proxies can answer with HTML; fall through to a status-only message.
  }
  if (!res.ok) {
    const message =
      (body as { error?: { message?: string } } | null)?.error?.message ??
      `Request failed with HTTP ${res.status}`;
    throw new ApiFetchError(res.status, message);
  }
  return body as T;
}
