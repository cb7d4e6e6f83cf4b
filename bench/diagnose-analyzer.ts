/**
 * Analyzer benchmark and accuracy report for POST /api/diagnose.
 *
 *   npx tsx bench/diagnose-analyzer.ts
 *
 * Prints JSON: analyzer latency on 1 MiB inputs (realistic mix and adversarial
 * shapes, p50/p95 over several runs), redaction latency on the realistic mix,
 * per-category and overall accuracy on bench/data/labelled-logs/<category>/*.log,
 * and the confusion list (expected → predicted) for every miss.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeLog } from "@/lib/diagnose/analyzer";
import { CATEGORY_IDS, type Category } from "@/lib/diagnose/categories";
import { redactSecrets } from "@/lib/diagnose/redact";

const MIB = 1024 * 1024;
const RUNS = 15;
const dataDir = path.join(__dirname, "data", "labelled-logs");

interface Labelled {
  file: string;
  expected: Category;
  text: string;
}

function loadLabelled(): Labelled[] {
  const out: Labelled[] = [];
  for (const category of CATEGORY_IDS) {
    const dir = path.join(dataDir, category);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".log"));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      out.push({
        file: `${category}/${f}`,
        expected: category,
        text: readFileSync(path.join(dir, f), "utf8"),
      });
    }
  }
  return out;
}

function toMiB(seed: string): string {
  return seed.repeat(Math.ceil(MIB / seed.length)).slice(0, MIB);
}

function binaryGarbage(bytes: number): string {
  let s = 7;
  const arr = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    arr[i] = s & 0xff;
  }
  return new TextDecoder("latin1").decode(arr);
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

function time(fn: () => unknown): { p50: number; p95: number; max: number } {
  fn(); // warm-up: compiles the RE2 sets and lets the DFA cache fill
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

const labelled = loadLabelled();
const filler =
  "2024-06-04T10:00:00.000Z INFO request completed method=GET path=/api/items status=200 ms=12\n";
const realistic = toMiB(labelled.map((l) => l.text).join("\n") + filler.repeat(200));

const inputs: Record<string, string> = {
  realistic_mix_1mib: realistic,
  a_bang_single_line_1mib: `${"a".repeat(MIB - 1)}!`,
  long_lines_64kib_1mib: toMiB(`${"x= ".repeat(21_845)}\n`),
  binary_garbage_1mib: binaryGarbage(MIB),
};

const analyzerMs: Record<string, ReturnType<typeof percentiles>> = {};
for (const [name, text] of Object.entries(inputs)) analyzerMs[name] = time(() => analyzeLog(text));
const redactMs = time(() => redactSecrets(realistic));

const perCategory: Record<string, { total: number; correct: number; accuracy: number }> = {};
const confusion: { file: string; expected: Category; predicted: Category }[] = [];
let correct = 0;
for (const item of labelled) {
  const predicted = analyzeLog(item.text).category;
  const bucket = perCategory[item.expected] ?? { total: 0, correct: 0, accuracy: 0 };
  bucket.total++;
  if (predicted === item.expected) {
    bucket.correct++;
    correct++;
  } else {
    confusion.push({ file: item.file, expected: item.expected, predicted });
  }
  perCategory[item.expected] = bucket;
}
for (const b of Object.values(perCategory)) b.accuracy = Math.round((b.correct / b.total) * 1000) / 1000;

const report = {
  runs: RUNS,
  // Timings are wall-clock; a busy machine inflates them, so record the load.
  host: { cpus: os.cpus().length, loadavg_1m: Math.round(os.loadavg()[0] * 100) / 100 },
  input_bytes: MIB,
  analyzer_ms: analyzerMs,
  redact_ms_realistic_1mib: redactMs,
  target_ms: 100,
  within_target: Object.values(analyzerMs).every((t) => t.p95 < 100),
  accuracy: {
    files: labelled.length,
    correct,
    overall: Math.round((correct / Math.max(1, labelled.length)) * 1000) / 1000,
    per_category: perCategory,
    confusion,
  },
};
console.log(JSON.stringify(report, null, 2));
