import type { Category, Severity } from "../categories";
import type { PatternContext } from "./contexts";

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
  /**
   * The hit counts only when some line of the same input shows this context
   * (contexts.ts). For wording that means one thing inside a tool's output and
   * another outside it: "401 Unauthorized" in Terraform output is the provider's
   * credentials; in an application log it is anybody's.
   */
  context?: PatternContext;
}
