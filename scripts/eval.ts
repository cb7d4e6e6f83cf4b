/**
 * `npm run eval`: scores the diagnosis engines on the labelled error-log set
 * (eval/diagnose/cases.jsonl + split.json, issue 15 item 5).
 *
 *   --split=train|test|all   which cases (default test: the frozen split)
 *   --engine=offline|llm|all which engines (default offline; llm runs only when configured)
 *   --dir=eval/diagnose      dataset directory (fixtures: eval/diagnose/fixtures)
 *   --out=eval/results       where <engine>-<split>.json is written
 *   --gate                   exit 1 below the targets (issue 15's)
 *   --floor                  with --gate: exit 1 below the regression floor instead
 *                            (eval/diagnose/floor.json: the last accepted test-split
 *                            score), still printing every target that is missed
 *   --verbose                list every miss
 *
 * Retrieval runs keyword-only over the shipped runbooks with the local
 * embedder (no vector store), so offline numbers are deterministic.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getLanguageModel } from "@/lib/ai/provider";
import { getServerConfig } from "@/lib/config/server-config";
import { isCategory } from "@/lib/diagnose/categories";
import { isDestructiveCommand } from "@/lib/diagnose/commands";
import { diagnose } from "@/lib/diagnose/diagnose";
import { runbookSearchFor } from "@/lib/diagnose/service";
import {
  type EvalCase,
  labelOf,
  parseCases,
  type SplitName,
  selectSplit,
  splitSchema,
} from "@/lib/eval/cases";
import { gateFailures, type Prediction, pct, type Report, score, type Targets } from "@/lib/eval/metrics";
import { createRunbookService } from "@/lib/runbooks/service";
import { createHashingEmbedder } from "@/lib/vector/embeddings";

type Engine = "offline" | "llm";

const TARGETS: Record<Engine, Targets> = {
  offline: { accuracy: 0.9, recallAt3: 0.95, unwarnedDestructive: 0 },
  llm: { accuracy: 0.95, recallAt3: 0.95, unwarnedDestructive: 0 },
};

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  console.error(`--${name} must be one of ${allowed.join(", ")} (got "${value}")`);
  process.exit(2);
}

async function main(): Promise<number> {
  const split = oneOf("split", flag("split", "test"), ["train", "test", "all"] as const);
  const engineFlag = oneOf("engine", flag("engine", "offline"), ["offline", "llm", "all"] as const);
  const dir = path.resolve(flag("dir", "eval/diagnose"));
  const outDir = path.resolve(flag("out", "eval/results"));
  const gate = process.argv.includes("--gate");
  // CI gates on the floor: the frozen split's last accepted score, so a regression fails the
  // build while a target not yet reached is reported, not hidden by lowering the target.
  const floor = process.argv.includes("--floor")
    ? (JSON.parse(await readFile(path.join(dir, "floor.json"), "utf8")) as Record<Engine, Targets>)
    : null;
  const verbose = process.argv.includes("--verbose");

  const cases = selectSplit(
    parseCases(await readFile(path.join(dir, "cases.jsonl"), "utf8")),
    splitSchema.parse(JSON.parse(await readFile(path.join(dir, "split.json"), "utf8"))),
    split,
  );
  const unknown = [...new Set(cases.map(labelOf).filter((l) => !isCategory(l)))];
  if (unknown.length > 0)
    console.log(`labels outside the category vocabulary (always misses): ${unknown.join(", ")}`);
  const engines: Engine[] = engineFlag === "all" ? ["offline", "llm"] : [engineFlag];
  const runbooks = createRunbookService({
    runbooksDir: path.resolve("runbooks"),
    embedder: createHashingEmbedder(),
    chroma: null,
  });
  const runbookCategories = new Map((await runbooks.list()).map((r) => [r.id, r.categories as string[]]));

  let failed = false;
  for (const engine of engines) {
    const model = engine === "llm" ? getLanguageModel(getServerConfig().ai) : null;
    if (engine === "llm" && !model) {
      console.log(
        "llm engine skipped: no model configured (GOOGLE_GENERATIVE_AI_API_KEY or PORTICO_AI_BASE_URL)",
      );
      continue;
    }
    const predictions: Prediction[] = [];
    let llmFallbacks = 0;
    const started = performance.now();
    for (const c of cases) {
      const r = await diagnose(
        { error_message: c.log },
        { requestId: `eval-${c.id}`, model, searchRunbooks: runbookSearchFor(runbooks) },
      );
      if (r.degraded.includes("llm")) llmFallbacks++;
      predictions.push({
        id: c.id,
        expected: labelOf(c),
        predicted: r.category,
        retrieved: r.runbooks.map((b) => runbookCategories.get(b.id) ?? []),
        unwarnedDestructive: r.fix_commands.filter((f) => isDestructiveCommand(f.command) && !f.destructive)
          .length,
      });
    }
    const report = score(predictions);
    print(engine, split, report, cases, verbose);
    if (llmFallbacks > 0)
      console.log(`  ${llmFallbacks} case(s) fell back to the offline engine (LLM failed)`);
    console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await mkdir(outDir, { recursive: true });
    const file = path.join(outDir, `${engine}-${split}.json`);
    await writeFile(
      file,
      `${JSON.stringify({ engine, split, targets: TARGETS[engine], llmFallbacks, ...report }, null, 2)}\n`,
    );
    console.log(`  wrote ${path.relative(process.cwd(), file)}`);
    const failures = gateFailures(report, TARGETS[engine]);
    for (const f of failures) console.log(`  below target (${engine}): ${f}`);
    const gateOn = floor ? floor[engine] : TARGETS[engine];
    const gateFails = gateOn ? gateFailures(report, gateOn) : [];
    if (gate && gateFails.length > 0) {
      failed = true;
      for (const f of gateFails) console.log(`  GATE FAIL (${engine}${floor ? ", floor" : ""}): ${f}`);
    }
  }
  return failed ? 1 : 0;
}

function print(engine: Engine, split: SplitName, r: Report, cases: EvalCase[], verbose: boolean): void {
  console.log(`\n== ${engine} engine, ${split} split: ${r.cases} cases ==`);
  console.log(`  top-1 accuracy     ${pct(r.accuracy)}`);
  console.log(`  runbook recall@3   ${pct(r.recallAt3)}`);
  console.log(`  unwarned destructive commands: ${r.unwarnedDestructive}`);
  console.log("\n  category                       support  pred  precision  recall");
  for (const s of r.perLabel) {
    console.log(
      `  ${s.label.padEnd(30)} ${String(s.support).padStart(7)} ${String(s.predicted).padStart(5)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)}`,
    );
  }
  console.log("\n  top confusions (expected → predicted: count)");
  for (const c of r.confusions.slice(0, 10)) console.log(`  ${c.expected} → ${c.predicted}: ${c.count}`);
  if (r.confusions.length === 0) console.log("  none");
  printMatrix(r);
  if (verbose) {
    const domain = new Map(cases.map((c) => [c.id, c.domain ?? ""]));
    console.log("\n  misses");
    for (const m of r.misses) console.log(`  ${m.id} [${domain.get(m.id)}] ${m.expected} → ${m.predicted}`);
  }
}

/** Rows: expected; columns: predicted, abbreviated to their first letters and numbered. */
function printMatrix(r: Report): void {
  const labels = [...new Set(r.perLabel.map((s) => s.label))];
  console.log("\n  confusion matrix (rows expected, columns predicted by number)");
  console.log(`  ${"".padEnd(32)}${labels.map((_, i) => String(i + 1).padStart(4)).join("")}`);
  labels.forEach((row, i) => {
    const cells = labels.map((col) => {
      // Labels come from data: own-property reads only.
      const cellRow = Object.hasOwn(r.matrix, row) ? r.matrix[row] : {};
      const n = Object.hasOwn(cellRow, col) ? cellRow[col] : 0;
      return (n === 0 ? "." : String(n)).padStart(4);
    });
    console.log(`  ${`${i + 1}. ${row}`.padEnd(32)}${cells.join("")}`);
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
