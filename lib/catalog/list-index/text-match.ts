import type { ListIndex } from "./list-index";

/**
 * The words of a search term as the SQL path splits them (full-text.ts toPrefixTsQuery), or
 * undefined when one of them is not plain ASCII letters and digits: Postgres's text parser
 * splits such words differently (underscores, non-ASCII), so those terms go to SQL.
 */
export function memoryTermWords(term: string): string[] | undefined {
  const words = term
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.every((w) => /^[a-z0-9]+$/.test(w)) ? words : undefined;
}

/** The first position in `sorted` (code-unit order) not below `key`. */
export function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rows whose lexemes match every word as a prefix: `to_tsquery('simple', 'w1:* & w2:*')`
 * evaluated over the tsvector lexemes Postgres computed. 1 = match.
 */
export function matchWords(index: ListIndex, words: string[]): Uint8Array {
  const stage = new Uint8Array(index.size);
  if (words.length === 0) return stage.fill(1);
  const { lexemes, postStart, postRows } = index;
  // stage[row] counts the words matched so far; a row advances at most once per word.
  words.forEach((word, k) => {
    for (let t = lowerBound(lexemes, word); t < lexemes.length && lexemes[t].startsWith(word); t++) {
      for (let p = postStart[t]; p < postStart[t + 1]; p++) {
        const row = postRows[p];
        if (stage[row] === k) stage[row] = k + 1;
      }
    }
  });
  const last = words.length;
  for (let i = 0; i < stage.length; i++) stage[i] = stage[i] === last ? 1 : 0;
  return stage;
}
