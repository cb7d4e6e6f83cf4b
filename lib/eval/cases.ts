import { z } from "zod";

/**
 * Evaluation dataset files: `cases.jsonl` (one JSON object per line) and
 * `split.json` (a frozen train/test partition of case ids). The adjudicated
 * `label` wins; `collector_label` is the collector's first reading, used until
 * adjudication fills `label`.
 */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().optional(),
    domain: z.string().optional(),
    log: z.string().min(1),
    label: z.string().min(1).optional(),
    collector_label: z.string().min(1).optional(),
  })
  .passthrough()
  .refine((c) => c.label ?? c.collector_label, { message: "needs label or collector_label" });

export type EvalCase = z.infer<typeof evalCaseSchema>;

export const splitSchema = z.object({
  seed: z.union([z.number(), z.string()]).optional(),
  test: z.array(z.string()),
  train: z.array(z.string()),
});

export type Split = z.infer<typeof splitSchema>;
export type SplitName = "train" | "test" | "all";

export function labelOf(c: EvalCase): string {
  return (c.label ?? c.collector_label) as string;
}

export function parseCases(jsonl: string): EvalCase[] {
  const cases: EvalCase[] = [];
  const seen = new Set<string>();
  jsonl.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`cases.jsonl line ${i + 1}: not JSON`);
    }
    const parsed = evalCaseSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`cases.jsonl line ${i + 1}: ${parsed.error.issues[0]?.message}`);
    if (seen.has(parsed.data.id))
      throw new Error(`cases.jsonl line ${i + 1}: duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    cases.push(parsed.data);
  });
  return cases;
}

/** The cases of one split, in split order; ids the split names but the file lacks are an error. */
export function selectSplit(cases: EvalCase[], split: Split, name: SplitName): EvalCase[] {
  if (name === "all") return cases;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const missing = split[name].filter((id) => !byId.has(id));
  if (missing.length > 0)
    throw new Error(`split.json ${name} names unknown ids: ${missing.slice(0, 5).join(", ")}`);
  return split[name].map((id) => byId.get(id) as EvalCase);
}
