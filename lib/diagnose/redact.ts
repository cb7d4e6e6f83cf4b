import { RE2JS, RE2Set } from "re2js";

/**
 * Secret redaction applied before any text reaches a model, a log line or a
 * response excerpt. Rules are RE2 (linear time); a per-line RE2Set pass finds
 * which rules can apply so most lines cost one DFA scan regardless of the
 * number of rules. PEM private keys span lines and are handled by a small
 * state machine around the rules.
 */

export const REDACTED = "[REDACTED]";

export interface Rule {
  id: string;
  regex: string;
  replace: (match: string, groups: (string | null)[]) => string;
}

// Key names that contain a secret-ish word but name a reference, not a value
// (`secretName: db-creds`, `tokenFile: /var/run/...`); keeping their values
// preserves what an operator needs to fix a missing Secret.
const REFERENCE_KEY_SUFFIXES = ["name", "names", "ref", "file", "path", "keyref", "_key_id_name"];

const SECRET_KEY_WORDS =
  "password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth[_-]?key|session[_-]?(?:key|id)|key";

const keepsReference = (key: string) => REFERENCE_KEY_SUFFIXES.some((s) => key.toLowerCase().endsWith(s));

// PEM and PGP (`-----BEGIN PGP PRIVATE KEY BLOCK-----`) armour.
const PRIVATE_KEY_ARMOUR = "[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----";

// Exported for the adversarial-input test; order matters (see redactLine).
export const RULES: readonly Rule[] = [
  {
    id: "pem-inline",
    regex: String.raw`-----BEGIN ${PRIVATE_KEY_ARMOUR}.*?(?:-----END ${PRIVATE_KEY_ARMOUR}|$)`,
    replace: () => "[REDACTED_PRIVATE_KEY]",
  },
  {
    id: "jwt",
    regex: String.raw`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`,
    replace: () => "[REDACTED_JWT]",
  },
  {
    // Whole header value: a cookie jar is all secrets, `Cookie: a=1; b=2`.
    id: "cookie-header",
    regex: String.raw`(?i)\b((?:set-)?cookie["']?\s*:\s*)[^\r\n]+`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    id: "authorization-header",
    regex: String.raw`(?i)\b(authorization["']?\s*[:=]\s*["']?(?:basic|bearer|token|digest|negotiate)?\s*)[A-Za-z0-9._~+/=:-]{6,}`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    id: "bearer",
    regex: String.raw`(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    id: "aws-access-key-id",
    regex: String.raw`\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b`,
    replace: () => "[REDACTED_AWS_KEY]",
  },
  {
    id: "google-api-key",
    regex: String.raw`\bAIza[0-9A-Za-z_-]{35}`,
    replace: () => "[REDACTED_GOOGLE_KEY]",
  },
  {
    id: "github-token",
    regex: String.raw`\b(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})`,
    replace: () => "[REDACTED_GITHUB_TOKEN]",
  },
  {
    id: "vendor-token",
    regex: String.raw`\b(?:xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,})`,
    replace: () => "[REDACTED_TOKEN]",
  },
  {
    // OpenAI (`sk-…`, `sk-proj-…`) and Anthropic (`sk-ant-…`) API keys; the
    // length floor keeps words like `sk-learn` readable.
    id: "sk-api-key",
    regex: String.raw`\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}`,
    replace: () => "[REDACTED_API_KEY]",
  },
  {
    id: "slack-webhook",
    regex: String.raw`(?i)\b(https?://hooks\.slack\.com/(?:services|workflows|triggers)/)[A-Za-z0-9_/-]+`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    // Azure SAS (and other signed URLs): the signature is the credential.
    id: "url-signature",
    regex: String.raw`(?i)([?&;]sig=)[A-Za-z0-9%+/=_-]+`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    // ~/.docker/config.json: `"auth": "base64(user:password)"`.
    id: "docker-auth",
    regex: String.raw`(?i)("auth"\s*:\s*")[^"]*`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    // `--password x`, `--token=x` are covered by key-value; this is the
    // space-separated long flag.
    id: "password-flag",
    regex: String.raw`(?i)(--(?:password|passwd|pass|token|secret|api-key|client-secret|access-key)[ \t]+)("[^"]*"|'[^']*'|[^\s"'-][^\s"']*)`,
    replace: (_m, g) => `${g[1]}${REDACTED}`,
  },
  {
    // `-p` means password only for some tools (mysql: `-psecret`, sshpass:
    // `-p secret`, redis-cli: `-a secret`); elsewhere it is a port (`docker
    // run -p 8080:80`, psql's `-p 5432`). So the short flag is redacted only
    // on a line that runs one of those tools. `mysql -p db` (prompt, then a
    // database name) loses the name: harmless.
    id: "password-short-flag",
    regex: String.raw`\b((?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|sshpass|redis-cli)\b[^\n]*?\s-[pa])([ \t]*)("[^"]*"|'[^']*'|[^\s"'-][^\s"']*)`,
    replace: (_m, g) => `${g[1]}${g[2]}${REDACTED}`,
  },
  {
    id: "url-credentials",
    regex: String.raw`\b([a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@"']*:)[^\s@/"']+@`,
    replace: (_m, g) => `${g[1]}${REDACTED}@`,
  },
  {
    // Quoted values may contain spaces (`password="correct horse battery"`),
    // which the unquoted key-value rule below would cut at the first space.
    id: "key-value-quoted",
    regex: String.raw`(?i)([A-Za-z0-9_.-]*(?:${SECRET_KEY_WORDS})[A-Za-z0-9_.-]*)(["']?\s*[:=]\s*)("[^"]*"|'[^']*')`,
    replace: (m, g) => {
      const value = g[3] ?? "";
      if (keepsReference(g[1] ?? "") || value.length <= 2 || value.startsWith(`"[REDACTED`)) return m;
      return `${g[1]}${g[2]}${value[0]}${REDACTED}${value[0]}`;
    },
  },
  {
    id: "key-value",
    regex: String.raw`(?i)([A-Za-z0-9_.-]*(?:${SECRET_KEY_WORDS})[A-Za-z0-9_.-]*)(["']?\s*[:=]\s*["']?)([^\s"',;&}<>]+)`,
    replace: (m, g) => {
      const value = g[3] ?? "";
      if (keepsReference(g[1] ?? "")) return m;
      if (value.startsWith("[REDACTED")) return m;
      return `${g[1]}${g[2]}${REDACTED}`;
    },
  },
];

const PEM_BEGIN = RE2JS.compile(`-----BEGIN ${PRIVATE_KEY_ARMOUR}`);
const PEM_END = RE2JS.compile(`-----END ${PRIVATE_KEY_ARMOUR}`);

let compiled: { set: RE2Set; rules: { rule: Rule; re: RE2JS }[] } | null = null;

function compileRules() {
  if (compiled) return compiled;
  const set = new RE2Set(RE2Set.UNANCHORED, 0);
  for (const r of RULES) set.add(r.regex);
  set.compile();
  compiled = { set, rules: RULES.map((rule) => ({ rule, re: RE2JS.compile(rule.regex) })) };
  return compiled;
}

export interface RedactionResult {
  text: string;
  /** Number of replacements per rule id (for metrics; never the values). */
  counts: Record<string, number>;
}

/** Redacts secrets from arbitrary text, preserving line structure. */
export function redactSecrets(input: string): string {
  return redactWithCounts(input).text;
}

export function redactWithCounts(input: string): RedactionResult {
  const { set, rules } = compileRules();
  const counts: Record<string, number> = {};
  const bump = (id: string) => {
    counts[id] = (counts[id] ?? 0) + 1;
  };
  const lines = input.split("\n");
  const out: string[] = [];
  let inPem = false;
  for (const line of lines) {
    if (inPem) {
      if (PEM_END.test(line)) {
        inPem = false;
        const rest = line.slice(endOfMatch(PEM_END, line));
        out.push(rest.length > 0 ? redactLine(rest, set, rules, bump) : "");
      }
      continue;
    }
    const begin = PEM_BEGIN.test(line) && !PEM_END.test(line);
    if (begin) {
      const at = startOfMatch(PEM_BEGIN, line);
      bump("private-key");
      out.push(`${redactLine(line.slice(0, at), set, rules, bump)}[REDACTED_PRIVATE_KEY]`);
      inPem = true;
      continue;
    }
    out.push(redactLine(line, set, rules, bump));
  }
  return { text: out.join("\n"), counts };
}

function redactLine(
  line: string,
  set: RE2Set,
  rules: { rule: Rule; re: RE2JS }[],
  bump: (id: string) => void,
): string {
  if (line.length === 0) return line;
  const matched = set.match(line);
  if (matched.length === 0) return line;
  let text = line;
  // Rules run in declaration order: inline PEM blocks first (their body would
  // otherwise be cut at the first key=value), then specific token formats,
  // then the generic key=value rule, so a JWT value is labelled as a JWT.
  for (const idx of [...matched].sort((a, b) => a - b)) {
    const { rule, re } = rules[idx];
    text = replaceBounded(text, re, (match, groups) => {
      const replaced = rule.replace(match, groups);
      if (replaced !== match) bump(rule.id);
      return replaced;
    });
  }
  return text;
}

// RE2 keeps each search linear, but a 256 KB line of `password="` repeated
// holds thousands of matches and re2js pays ~80 µs per capture match: seconds
// of blocked event loop from one request. Past this many matches of one rule
// on one line, the rest of the line is redacted wholesale (over-redaction is
// the safe side), so the work per line is bounded.
const MAX_MATCHES_PER_RULE_PER_LINE = 64;
export const REDACTED_REST = "[REDACTED_REST_OF_LINE]";

function replaceBounded(
  text: string,
  re: RE2JS,
  replace: (match: string, groups: (string | null)[]) => string,
): string {
  const m = re.matcher(text);
  const groupCount = m.groupCount();
  let out = "";
  let pos = 0;
  let count = 0;
  while (m.find()) {
    const start = m.start();
    if (++count > MAX_MATCHES_PER_RULE_PER_LINE) {
      out += `${text.slice(pos, start)}${REDACTED_REST}`;
      return out;
    }
    const groups: (string | null)[] = [];
    for (let i = 0; i <= groupCount; i++) groups.push(m.group(i));
    out += text.slice(pos, start) + replace(groups[0] ?? "", groups);
    pos = m.end();
  }
  return out + text.slice(pos);
}

function startOfMatch(re: RE2JS, s: string): number {
  const m = re.matcher(s);
  return m.find() ? m.start() : 0;
}

function endOfMatch(re: RE2JS, s: string): number {
  const m = re.matcher(s);
  return m.find() ? m.end() : s.length;
}
