import type { Category, Severity } from "../categories";

/**
 * A log pattern kept as data. `regex` uses RE2 syntax (no look-around, no
 * back-references) so matching stays linear in the input size. It is applied
 * to one line (or one bounded segment of a very long line) at a time.
 */
export interface LogPattern {
  id: string;
  category: Category;
  severity: Severity;
  regex: string;
  explanation: string;
  examples: { positive: string[]; negative: string[] };
}
