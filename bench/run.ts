/**
 * `npm run bench [name…]`: runs every benchmark in bench/ (or the named ones)
 * one after another on this machine and prints each one's JSON (catalog-vs-backstage only when
 * named). Benchmarks
 * are separate processes so one's memory and JIT state cannot skew another.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = __dirname;
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
// Installs Backstage from npm and runs for many minutes: only when named.
const namedOnly = new Set(["catalog-vs-backstage"]);
const selected = wanted.length ? all.filter((n) => wanted.includes(n)) : all.filter((n) => !namedOnly.has(n));
const tsx = path.join(dir, "..", "node_modules", "tsx", "dist", "cli.mjs");

let failed = 0;
for (const name of selected) {
  console.log(`\n### bench/${name}.ts`);
  const r = spawnSync(process.execPath, [tsx, path.join(dir, `${name}.ts`)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`### bench/${name}.ts failed with exit code ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
