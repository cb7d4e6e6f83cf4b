import type { UIMessageChunk } from "ai";

/**
 * Parses a UI message stream body (`data: {json}\n\n` events ending with
 * `data: [DONE]`). Used by tests and the TTFB bench to read the route's
 * output the way the browser transport does.
 */
export function parseUiMessageSse(body: string): { chunks: UIMessageChunk[]; done: boolean } {
  const chunks: UIMessageChunk[] = [];
  let done = false;
  for (const event of body.split("\n\n")) {
    for (const line of event.split("\n")) {
      if (!line.startsWith("data:")) continue;
      const data = line.slice(5).trim();
      if (data === "[DONE]") done = true;
      else if (data) chunks.push(JSON.parse(data) as UIMessageChunk);
    }
  }
  return { chunks, done };
}

export async function readUiMessageResponse(
  res: Response,
): Promise<{ chunks: UIMessageChunk[]; done: boolean }> {
  return parseUiMessageSse(await res.text());
}
