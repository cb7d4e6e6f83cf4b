/**
 * Freezes the test split of the diagnosis evaluation set (eval/diagnose/cases.jsonl).
 *
 * `tsx scripts/eval-split.ts`          writes eval/diagnose/split.json
 * `tsx scripts/eval-split.ts --check`  exits 1 if split.json is not what this script produces
 *
 * Why a seeded, stratified shuffle: the split must be reproducible by anyone (so nobody can
 * quietly re-draw a friendlier test set), and every category must appear in the test third,
 * otherwise per-category recall on the frozen split would be undefined for rare categories.
 * Within each collector_label the ids are sorted, shuffled with mulberry32(SEED) and the
 * first round(n/3) go to test. Changing SEED or the cases file changes the split, which is
 * why split.json is committed on its own before any tuning.
 *
 * Only the first FROZEN_CASES lines of cases.jsonl (batch 1) are split. Cases appended later
 * (batch 2 onwards, collected after the test split was scored against) join `train` only, at
 * its end in file order: adding them to the shuffle would re-draw the test split.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SEED = 20261203;
const FROZEN_CASES = 287;
const dir = join(import.meta.dirname, "..", "eval", "diagnose");
const casesPath = join(dir, "cases.jsonl");
const splitPath = join(dir, "split.json");

type Case = { id: string; collector_label: string };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function buildSplit(all: Case[]) {
  const cases = all.slice(0, FROZEN_CASES);
  const later = all.slice(FROZEN_CASES).map((c) => c.id);
  const random = mulberry32(SEED);
  const byLabel = new Map<string, string[]>();
  for (const c of cases) byLabel.set(c.collector_label, [...(byLabel.get(c.collector_label) ?? []), c.id]);
  const test: string[] = [];
  const train: string[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const ids = shuffle([...(byLabel.get(label) ?? [])].sort(), random);
    const k = Math.round(ids.length / 3);
    test.push(...ids.slice(0, k));
    train.push(...ids.slice(k));
  }
  return {
    seed: SEED,
    method:
      "mulberry32(seed) Fisher-Yates shuffle per collector_label over sorted ids; first round(n/3) of each label -> test; see scripts/eval-split.ts",
    test: test.sort(),
    train: [...train.sort(), ...later],
  };
}

const cases: Case[] = readFileSync(casesPath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));
const json = `${JSON.stringify(buildSplit(cases), null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = readFileSync(splitPath, "utf8");
  if (current !== json) {
    console.error("eval/diagnose/split.json differs from what scripts/eval-split.ts produces");
    process.exit(1);
  }
  console.log("split.json is reproducible");
} else {
  writeFileSync(splitPath, json);
  const split = JSON.parse(json);
  console.log(`test ${split.test.length}, train ${split.train.length}, seed ${SEED}`);
}
