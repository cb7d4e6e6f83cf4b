/**
 * Scoring for classifier evaluations: top-1 accuracy, per-label precision and
 * recall, a confusion matrix and retrieval recall@k. Pure functions so the
 * runner (scripts/eval.ts) stays thin and the arithmetic is unit-tested.
 */

export interface Prediction {
  id: string;
  expected: string;
  predicted: string;
  /** Labels covered by the top-k retrieved documents (e.g. runbook categories). */
  retrieved: string[][];
  /** Destructive commands that were not flagged for confirmation. */
  unwarnedDestructive: number;
}

export interface LabelScore {
  label: string;
  support: number;
  predicted: number;
  precision: number | null;
  recall: number | null;
}

export interface Confusion {
  expected: string;
  predicted: string;
  count: number;
}

export interface Report {
  cases: number;
  accuracy: number;
  recallAt3: number;
  unwarnedDestructive: number;
  perLabel: LabelScore[];
  /** Off-diagonal cells, largest first. */
  confusions: Confusion[];
  /** expected → predicted → count (diagonal included). */
  matrix: Record<string, Record<string, number>>;
  misses: { id: string; expected: string; predicted: string }[];
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function recallAtK(p: Prediction, k: number): boolean {
  return p.retrieved.slice(0, k).some((labels) => labels.includes(p.expected));
}

export function score(predictions: Prediction[]): Report {
  // Maps, not plain objects: labels come from data files.
  const matrix = new Map<string, Map<string, number>>();
  const labels = new Set<string>();
  let correct = 0;
  let retrievalHits = 0;
  let unwarned = 0;
  for (const p of predictions) {
    labels.add(p.expected);
    labels.add(p.predicted);
    const row = matrix.get(p.expected) ?? new Map<string, number>();
    row.set(p.predicted, (row.get(p.predicted) ?? 0) + 1);
    matrix.set(p.expected, row);
    if (p.expected === p.predicted) correct++;
    if (recallAtK(p, 3)) retrievalHits++;
    unwarned += p.unwarnedDestructive;
  }
  const perLabel: LabelScore[] = [...labels].sort().map((label) => {
    const tp = matrix.get(label)?.get(label) ?? 0;
    const support = predictions.filter((p) => p.expected === label).length;
    const predicted = predictions.filter((p) => p.predicted === label).length;
    return { label, support, predicted, precision: ratio(tp, predicted), recall: ratio(tp, support) };
  });
  const confusions: Confusion[] = [];
  for (const [expected, row] of matrix) {
    for (const [predicted, count] of row) {
      if (expected !== predicted) confusions.push({ expected, predicted, count });
    }
  }
  confusions.sort(
    (a, b) =>
      b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
  );
  const n = predictions.length;
  return {
    cases: n,
    accuracy: ratio(correct, n) ?? 0,
    recallAt3: ratio(retrievalHits, n) ?? 0,
    unwarnedDestructive: unwarned,
    perLabel,
    confusions,
    matrix: Object.fromEntries(
      [...matrix].sort(([a], [b]) => a.localeCompare(b)).map(([k, row]) => [k, Object.fromEntries(row)]),
    ),
    misses: predictions
      .filter((p) => p.expected !== p.predicted)
      .map(({ id, expected, predicted }) => ({ id, expected, predicted })),
  };
}

export interface Targets {
  accuracy: number;
  recallAt3: number;
  unwarnedDestructive: number;
}

/** The gate's failures, one message each; empty means the report meets every target. */
export function gateFailures(report: Report, targets: Targets): string[] {
  const out: string[] = [];
  if (report.cases === 0) out.push("no cases scored");
  if (report.accuracy < targets.accuracy) {
    out.push(`top-1 accuracy ${pct(report.accuracy)} < ${pct(targets.accuracy)}`);
  }
  if (report.recallAt3 < targets.recallAt3) {
    out.push(`retrieval recall@3 ${pct(report.recallAt3)} < ${pct(targets.recallAt3)}`);
  }
  if (report.unwarnedDestructive > targets.unwarnedDestructive) {
    out.push(`${report.unwarnedDestructive} destructive command(s) without the warning`);
  }
  return out;
}

export function pct(x: number | null): string {
  return x === null ? "  n/a" : `${(x * 100).toFixed(1)}%`;
}
