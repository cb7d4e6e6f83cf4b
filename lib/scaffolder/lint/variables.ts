/** Roots whose members lint can check; anything else (loop/set locals, globals) is left alone. */
const ROOTS = "parameters|values|steps|cookiecutter";
const REF = new RegExp(
  String.raw`(?<![\w.$'"])(${ROOTS})((?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[\s*(?:'[^']*'|"[^"]*")\s*\])*)`,
  "g",
);
const SEGMENT = /\.\s*([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/g;

export interface VariableRef {
  root: string;
  path: string[];
  line: number;
  column: number;
  text: string;
}

/** Blanks string literals, except those directly inside `[...]` (so `steps['a-b']` stays a path). */
function maskStringLiterals(body: string): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch !== "'" && ch !== '"') {
      out += ch;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < body.length && body[j] !== ch) j += body[j] === "\\" ? 2 : 1;
    const literal = body.slice(i, j + 1);
    const keep = /\[\s*$/.test(out);
    out += keep ? literal : " ".repeat(literal.length);
    i = j + 1;
  }
  return out;
}

export interface TemplateTag {
  /** `expr` is `${{ }}` (or `{{ }}` in cookiecutter mode); `raw` is a `{{ }}` that is not a tag. */
  kind: "expr" | "block" | "comment" | "raw";
  /** Index of the tag's first character (the `$` of `${{`) and just past its closer. */
  start: number;
  end: number;
  bodyStart: number;
  body: string;
}

const CLOSERS = { "{": "}}", "%": "%}", "#": "#}" } as const;

/**
 * The tags of a template text, left to right, like a lazy `\$\{\{[\s\S]*?\}\}|\{%…%\}|…` regex but in
 * linear time: template files are user text, and a backtracking scan of unclosed openers is quadratic.
 * The next position of each closer is cached, so every character is looked at a bounded number of times.
 */
export function* scanTemplateTags(text: string, cookiecutter = false): Generator<TemplateTag> {
  const nextClose: Record<string, number> = {};
  const closerAfter = (closer: string, from: number) => {
    const cached = nextClose[closer];
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    nextClose[closer] = text.indexOf(closer, from);
    return nextClose[closer];
  };
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open === -1) return;
    const next = text[open + 1] as keyof typeof CLOSERS;
    const closer = CLOSERS[next];
    const end = closer ? closerAfter(closer, open + 2) : -1;
    if (!closer || end === -1) {
      i = open + 1;
      continue;
    }
    const dollar = next === "{" && open > 0 && text[open - 1] === "$";
    const kind = next === "%" ? "block" : next === "#" ? "comment" : dollar || cookiecutter ? "expr" : "raw";
    yield {
      kind,
      start: dollar ? open - 1 : open,
      end: end + 2,
      bodyStart: open + 2,
      body: text.slice(open + 2, end),
    };
    i = end + 2;
  }
}

/** 1-based line and column of each index, by binary search over the line starts (computed once). */
function lineColumns(text: string): (index: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - starts[lo] + 1 };
  };
}

/**
 * Variable paths referenced in `${{ }}` / `{% %}` tags (and `{{ }}` in cookiecutter mode).
 * String literals inside tags are blanked first so `'parameters.x'` is not a reference.
 */
export function findVariableRefs(text: string, cookiecutter = false): VariableRef[] {
  const out: VariableRef[] = [];
  if (text.length > 2_000_000) return out;
  const lineCol = lineColumns(text);
  for (const tag of scanTemplateTags(text, cookiecutter)) {
    if (tag.kind !== "expr" && tag.kind !== "block") continue;
    // Keep bracket-literal segments (steps['a-b']) but blank other string literals.
    const masked = maskStringLiterals(tag.body);
    for (const r of masked.matchAll(REF)) {
      const path: string[] = [];
      for (const s of r[2].matchAll(SEGMENT)) path.push(s[1] ?? s[2] ?? s[3]);
      const pos = lineCol(tag.bodyStart + (r.index ?? 0));
      out.push({ root: r[1], path, ...pos, text: r[0].replace(/\s+/g, "") });
    }
  }
  return out;
}

/** Every property name declared anywhere in a parameters schema (pages, dependencies, oneOf, if/then). */
export function declaredParameterNames(schemas: unknown[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 20) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const rec = node as Record<string, unknown>;
    if (rec.properties && typeof rec.properties === "object") {
      for (const k of Object.keys(rec.properties)) names.add(k);
    }
    for (const key of ["dependencies", "oneOf", "anyOf", "allOf", "then", "else", "if"])
      visit(rec[key], depth + 1);
    if (rec.dependencies && typeof rec.dependencies === "object")
      for (const v of Object.values(rec.dependencies)) visit(v, depth + 1);
  };
  for (const s of schemas) visit(s, 0);
  return names;
}
