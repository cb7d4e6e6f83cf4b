import { RE2JS } from "re2js";

/**
 * Regexes that run on request data (chat messages, pasted logs, search
 * queries, cluster text) are compiled with RE2 so their cost is linear in the
 * input: a backtracking JS regex can pin the event loop for seconds on 32 KB of
 * `a` or `.` (issue 10, item 2). Written as JS literals for readability and
 * translated here; RE2 rejects backreferences and lookaround at compile time,
 * so a pattern that needs them fails at import, not in production.
 *
 * Every compiled pattern is recorded so a test can run all of them on hostile
 * inputs without keeping a hand-maintained list.
 */
export interface LinearRegex {
  readonly name: string;
  readonly source: string;
  test(input: string): boolean;
  /** Like RegExp#exec without `g`: the first match (unmatched groups are undefined) or null. */
  exec(input: string): RegExpExecArray | null;
  /** Replaces every match; `replacer` gets the match and its groups (undefined when unmatched). */
  replaceAll(input: string, replacer: (match: string, ...groups: (string | undefined)[]) => string): string;
}

const registry: LinearRegex[] = [];

/** Patterns compiled so far (import the modules first); for the adversarial-input test. */
export function registeredLinearRegexes(): readonly LinearRegex[] {
  return registry;
}

export function linearRegex(name: string, pattern: RegExp): LinearRegex {
  if (pattern.flags.includes("g") || pattern.flags.includes("y")) {
    throw new Error(`linearRegex(${name}): use replaceAll instead of the g/y flags`);
  }
  let flags = 0;
  if (pattern.flags.includes("i")) flags |= RE2JS.CASE_INSENSITIVE;
  if (pattern.flags.includes("s")) flags |= RE2JS.DOTALL;
  if (pattern.flags.includes("m")) flags |= RE2JS.MULTILINE;
  const re = RE2JS.compile(pattern.source, flags);
  const compiled: LinearRegex = {
    name,
    source: pattern.source,
    test: (input) => re.test(input),
    exec: (input) => re.exec(input) as RegExpExecArray | null,
    replaceAll: (input, replacer) =>
      re.matcher(input).replaceAll((...args: unknown[]) => {
        // re2js calls back with (match, ...groups, offset, input) like String#replace.
        const groups = args.slice(1, -2).map((g) => (g == null ? undefined : String(g)));
        return replacer(String(args[0]), ...groups);
      }),
  };
  registry.push(compiled);
  return compiled;
}
