// Field and label selector matching with the semantics of the real API server (subset used by clients).

function valueAt(obj: unknown, path: string): string | undefined {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return undefined;
  return String(cur);
}

export function matchesFieldSelector(obj: unknown, selector: string | null): boolean {
  if (!selector) return true;
  return selector
    .split(",")
    .filter(Boolean)
    .every((term) => {
      const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
      if (!m) return false;
      const [, path, op, expected] = m;
      const actual = valueAt(obj, path.trim()) ?? "";
      return op === "!=" ? actual !== expected : actual === expected;
    });
}

/** Splits on commas that are not inside an `in (...)` set. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of selector) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      terms.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) terms.push(cur);
  return terms.map((t) => t.trim()).filter(Boolean);
}

export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: string | null,
): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  return splitTerms(selector).every((term) => {
    let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(term);
    if (m) {
      const values = m[3].split(",").map((v) => v.trim());
      const has = m[1] in l && values.includes(l[m[1]]);
      return m[2] === "in" ? has : !has;
    }
    m = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (m) return m[2] === "!=" ? l[m[1]] !== m[3] : l[m[1]] === m[3];
    if (term.startsWith("!")) return !(term.slice(1) in l);
    return term in l;
  });
}
