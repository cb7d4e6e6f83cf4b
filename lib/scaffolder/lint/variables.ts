/** Roots whose members lint can check; anything else (loop/set locals, globals) is left alone. */
const ROOTS = "parameters|values|steps|cookiecutter";
const TAG = /\$\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}|(?<!\$)\{\{([\s\S]*?)\}\}/g;
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

function lineCol(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: index - last };
}

/**
 * Variable paths referenced in `${{ }}` / `{% %}` tags (and `{{ }}` in cookiecutter mode).
 * String literals inside tags are blanked first so `'parameters.x'` is not a reference.
 */
export function findVariableRefs(text: string, cookiecutter = false): VariableRef[] {
  const out: VariableRef[] = [];
  if (text.length > 2_000_000) return out;
  for (const m of text.matchAll(TAG)) {
    const body = m[1] ?? m[2] ?? (cookiecutter ? m[3] : undefined);
    if (body === undefined) continue;
    const bodyStart = (m.index ?? 0) + m[0].indexOf(body);
    // Keep bracket-literal segments (steps['a-b']) but blank other string literals.
    const masked = maskStringLiterals(body);
    for (const r of masked.matchAll(REF)) {
      const path: string[] = [];
      for (const s of r[2].matchAll(SEGMENT)) path.push(s[1] ?? s[2] ?? s[3]);
      const pos = lineCol(text, bodyStart + (r.index ?? 0));
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
