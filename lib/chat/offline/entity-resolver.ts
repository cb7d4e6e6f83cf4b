/**
 * Finds which catalog entity a question is about without a language model:
 * "who owns the accounts service" → `component:default/accounts-service`.
 *
 * Every entity contributes phrases (its name split on `-_.`, its title, its
 * aliases); a phrase matches when its words appear consecutively in the
 * question, each word equal up to a plural `s` or one typo. Generic words
 * ("service", "api", "v1", "database") may be left out by the user, so
 * "accounts" still finds `accounts-service`, but they count when present, so
 * "accounts API" prefers `accounts-v1` (title "Accounts API v1").
 *
 * The question is scanned character by character (no regex) and capped, so
 * the cost is bounded by window × entities whatever the user pastes.
 */
export interface CatalogName {
  ref: string;
  kind: string;
  name: string;
  title: string | null;
  /** metadata.aliases, a group's profile.displayName, ... */
  aliases: string[];
}

export interface EntityMention {
  ref: string;
  kind: string;
  name: string;
  /** The question's words that matched. */
  matched: string;
  /** Matched words (generic ones included): the longer, the more specific. */
  score: number;
}

const MAX_QUESTION_CHARS = 2048;
const MAX_TOKENS = 200;
const MAX_PHRASE_TOKENS = 8;

const GENERIC = new Set([
  "service",
  "services",
  "svc",
  "api",
  "apis",
  "worker",
  "db",
  "database",
  "app",
  "application",
  "component",
  "system",
  "team",
  "group",
  "the",
  "of",
  "and",
]);
// "v1", "v2": versions users usually leave out. A character scan, not a regex, on user words.
function isVersion(t: string): boolean {
  if (t.length < 2 || t.length > 4 || t[0] !== "v") return false;
  for (let i = 1; i < t.length; i++) if (t.charCodeAt(i) < 48 || t.charCodeAt(i) > 57) return false;
  return true;
}
const isGeneric = (t: string) => GENERIC.has(t) || isVersion(t);

// Question words that are never entity words on their own (a catalog entity named "who" is not a mention).
const NEVER_ALONE = new Set([
  "who",
  "what",
  "which",
  "owns",
  "owner",
  "is",
  "it",
  "its",
  "a",
  "an",
  "in",
  "on",
  "for",
  "to",
  "me",
  "my",
  "show",
  "find",
  "does",
  "do",
  "call",
  "oncall",
  "links",
  "link",
]);

/** Lower-case alphanumeric words, at most `max`, from the first `maxChars` characters. */
export function tokenize(text: string, max = MAX_TOKENS, maxChars = MAX_QUESTION_CHARS): string[] {
  const out: string[] = [];
  let word = "";
  const end = Math.min(text.length, maxChars);
  for (let i = 0; i < end && out.length < max; i++) {
    const c = text.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum) word += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    else if (word) {
      out.push(word);
      word = "";
    }
  }
  if (word && out.length < max) out.push(word);
  return out;
}

/** At most one insertion, deletion, substitution or adjacent swap. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return true;
  const restEq = (x: number, y: number) => a.slice(x) === b.slice(y);
  if (a.length === b.length) {
    if (restEq(i + 1, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && restEq(i + 2, i + 2);
  }
  return a.length > b.length ? restEq(i + 1, i) : restEq(i, i + 1);
}

export function sameWord(q: string, p: string): boolean {
  if (q === p) return true;
  const stem = (w: string) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w);
  if (stem(q) === stem(p)) return true;
  return q.length >= 5 && p.length >= 5 && withinOneEdit(q, p);
}

interface Phrase {
  tokens: string[];
  required: number;
}

function phrasesOf(entry: CatalogName): Phrase[] {
  const texts = [entry.name, entry.title ?? "", ...entry.aliases];
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const text of texts) {
    const tokens = tokenize(text, MAX_PHRASE_TOKENS, 200);
    const key = tokens.join(" ");
    if (!tokens.length || seen.has(key)) continue;
    seen.add(key);
    let required = tokens.filter((t) => !isGeneric(t)).length;
    // A phrase made only of generic words ("api", "team") needs all of them.
    if (required === 0) required = tokens.length;
    phrases.push({ tokens, required });
  }
  return phrases;
}

/** Longest in-order match of `phrase` starting at question token `start`; generic words may be skipped. */
function matchAt(
  question: string[],
  start: number,
  phrase: Phrase,
): { used: number; matched: number; required: number } | null {
  let qi = start;
  let matched = 0;
  let required = 0;
  const allRequired = phrase.required === phrase.tokens.length;
  for (const token of phrase.tokens) {
    const generic = !allRequired && isGeneric(token);
    if (qi < question.length && sameWord(question[qi], token)) {
      qi++;
      matched++;
      if (!generic) required++;
    } else if (!generic) {
      return null;
    }
    // A generic word the user left out: the same question word is tried against the next phrase word.
  }
  if (required < phrase.required || matched === 0) return null;
  return { used: qi - start, matched, required };
}

/**
 * All entities the question mentions, best first (more matched words, then
 * more specific kinds for ties). Overlapping mentions of the same words keep
 * only the best entity per starting word.
 */
export function findMentions(
  question: string,
  names: readonly CatalogName[],
  opts: { preferKinds?: string[] } = {},
): EntityMention[] {
  const tokens = tokenize(question);
  if (!tokens.length) return [];
  const present = new Set(tokens);
  const prefer = opts.preferKinds ?? ["component", "system", "api", "resource", "group", "user", "domain"];
  const rank = (kind: string) => {
    const i = prefer.indexOf(kind.toLowerCase());
    return i === -1 ? prefer.length : i;
  };
  const found: (EntityMention & { start: number; rank: number })[] = [];
  for (const entry of names) {
    let best: (EntityMention & { start: number; rank: number }) | null = null;
    for (const phrase of phrasesOf(entry)) {
      // Cheap filter: some required word (or its near form) must occur in the question.
      const anchor = phrase.tokens.find((t) => phrase.required === phrase.tokens.length || !isGeneric(t));
      if (anchor && !present.has(anchor) && !tokens.some((q) => sameWord(q, anchor))) continue;
      for (let s = 0; s < tokens.length; s++) {
        const m = matchAt(tokens, s, phrase);
        if (!m) continue;
        const words = tokens.slice(s, s + m.used);
        if (words.every((w) => NEVER_ALONE.has(w))) continue;
        if (!best || m.matched > best.score) {
          best = {
            ref: entry.ref,
            kind: entry.kind,
            name: entry.name,
            matched: words.join(" "),
            score: m.matched,
            start: s,
            rank: rank(entry.kind),
          };
        }
      }
    }
    if (best) found.push(best);
  }
  found.sort(
    (a, b) => b.score - a.score || a.rank - b.rank || a.start - b.start || a.ref.localeCompare(b.ref),
  );
  return found.map(({ start: _s, rank: _r, ...m }) => m);
}
