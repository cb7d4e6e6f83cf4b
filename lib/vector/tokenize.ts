// Shared lexical normalisation for BM25 and the hashing embedder, so that a
// query and a document are reduced to the same terms by both retrievers.

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does doing for from had has have how i if in into is it " +
    "its keep keeps me my no not of on or our so such than that the their them then there these they this " +
    "those to too was we were what when where which while who why will with would you your"
  ).split(" "),
);

/** Very small suffix stripper: enough to match restart/restarts/restarting/restarted. */
export function stem(token: string): string {
  if (token.length <= 4 || /\d/.test(token)) return token;
  const rules: Array<[string, string]> = [
    ["ies", "y"],
    ["ing", ""],
    ["ed", ""],
    ["es", ""],
    ["s", ""],
  ];
  for (const [suffix, replacement] of rules) {
    if (token.endsWith(suffix) && token.length - suffix.length >= 4) {
      if (suffix === "s" && (token.endsWith("ss") || token.endsWith("us"))) return token;
      if (suffix === "es" && !/(ch|sh|x|ss)es$/.test(token)) continue;
      return token.slice(0, -suffix.length) + replacement;
    }
  }
  return token;
}

function splitCamel(word: string): string[] {
  const parts = word.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
  return parts.length > 1 ? parts : [];
}

/**
 * Lowercased, stop-word-free, stemmed terms. Compound words contribute both
 * their joined form and their parts: "back-off" → backoff, back, off and
 * "CrashLoopBackOff" → crashloopbackoff, crash, loop, back, off.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const words = text.match(/[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*/g) ?? [];
  for (const word of words) {
    const pieces = word.split(/[-_.]/).filter(Boolean);
    const candidates = new Set<string>();
    candidates.add(pieces.join("").toLowerCase());
    if (pieces.length > 1) for (const p of pieces) candidates.add(p.toLowerCase());
    for (const p of pieces) for (const c of splitCamel(p)) candidates.add(c.toLowerCase());
    for (const c of candidates) {
      if (c.length < 2 && !/\d/.test(c)) continue;
      if (STOPWORDS.has(c)) continue;
      out.push(stem(c));
    }
  }
  return out;
}

/** Plain word sequence (no compound expansion) for n-gram features. */
export function wordSequence(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map(stem);
}
