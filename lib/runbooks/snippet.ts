import { tokenize } from "@/lib/vector/tokenize";

/** Markdown → readable plain lines (keeps code lines, drops fences and table rules). */
function plainLines(markdown: string): string[] {
  return markdown
    .split("\n")
    .filter((l) => !/^\s*(```|~~~)/.test(l) && !/^\s*\|?\s*:?-{3,}/.test(l))
    .map((l) =>
      l
        .replace(/^\s*(>|[-*+]|\d+\.)\s+/, "")
        .replace(/\*\*|__|`/g, "")
        .replace(/\s*\|\s*/g, " | ")
        .replace(/^\s*\|\s*|\s*\|\s*$/g, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
}

/**
 * Picks the line with the most query-term overlap and returns it with the
 * following lines up to `maxChars`, so the snippet shows why it matched.
 */
export function makeSnippet(markdown: string, query: string, maxChars = 240): string {
  const lines = plainLines(markdown);
  if (lines.length === 0) return "";
  const qTerms = new Set(tokenize(query));
  let best = 0;
  let bestScore = -1;
  lines.forEach((line, i) => {
    const terms = new Set(tokenize(line));
    let score = 0;
    for (const t of qTerms) if (terms.has(t)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  let out = lines[best];
  for (let i = best + 1; i < lines.length && out.length < maxChars; i++) out += ` ${lines[i]}`;
  if (out.length <= maxChars) return out;
  const cut = out.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}
