/**
 * Next clones every request body that passes through proxy.ts and, past
 * `experimental.proxyClientMaxBodySize`, silently hands the route a truncated body. The
 * buffer is sized at build time (next.config.ts) to the body ceiling plus this slack, more
 * than one socket read, so a body over the ceiling is still counted as over it in proxy.ts.
 * (No path aliases here: next.config.ts imports this file.)
 */
export const PROXY_BUFFER_SLACK_BYTES = 256 * 1024;

export function proxyBufferBytes(maxBodyBytes: number): number {
  return maxBodyBytes + PROXY_BUFFER_SLACK_BYTES;
}
