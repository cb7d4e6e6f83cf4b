/**
 * Splits a log into bounded segments for line-oriented matching.
 *
 * - Physical lines are split on \n (CRLF tolerated).
 * - JSON log records often carry a whole stack trace in one string with
 *   escaped newlines; those escapes are split too so `^`-anchored patterns
 *   (e.g. "Traceback …", "panic: ") still see line starts. The segment keeps the
 *   physical line number.
 * - Segments longer than MAX_SEGMENT_CHARS are cut into overlapping windows so
 *   a single 1 MiB line costs the same as 1 MiB of short lines, and matches
 *   straddling a cut are still seen (patterns are far shorter than the overlap).
 */
export const MAX_SEGMENT_CHARS = 2048;
export const SEGMENT_OVERLAP_CHARS = 160;

export interface Segment {
  /** 1-based physical line number in the original input. */
  line: number;
  text: string;
}

export function* iterateSegments(input: string): Generator<Segment> {
  let start = 0;
  let line = 1;
  const len = input.length;
  while (start <= len) {
    let end = input.indexOf("\n", start);
    if (end === -1) end = len;
    let physical = input.slice(start, end);
    if (physical.endsWith("\r")) physical = physical.slice(0, -1);
    if (physical.length > 0) {
      const parts = physical.includes("\\n") ? physical.split(/\\r?\\n/) : [physical];
      for (const part of parts) yield* windows(part, line);
    }
    if (end === len) break;
    start = end + 1;
    line++;
  }
}

function* windows(text: string, line: number): Generator<Segment> {
  if (text.length <= MAX_SEGMENT_CHARS) {
    if (text.trim().length > 0) yield { line, text };
    return;
  }
  const step = MAX_SEGMENT_CHARS - SEGMENT_OVERLAP_CHARS;
  for (let offset = 0; offset < text.length; offset += step) {
    yield { line, text: text.slice(offset, offset + MAX_SEGMENT_CHARS) };
    if (offset + MAX_SEGMENT_CHARS >= text.length) break;
  }
}
