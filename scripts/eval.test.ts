import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Runs the real CLI on the fixture set (one case is deliberately mislabelled, so the gate must trip).
function run(args: string[]) {
  const out = mkdtempSync(path.join(tmpdir(), "eval-"));
  const res = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/eval.ts", "--dir=eval/diagnose/fixtures", `--out=${out}`, ...args],
    { encoding: "utf8", env: { ...process.env, GOOGLE_GENERATIVE_AI_API_KEY: "" }, timeout: 120_000 },
  );
  return { ...res, out };
}

describe("npm run eval", () => {
  it("prints the metrics, writes JSON and fails the gate below target", () => {
    const res = run(["--split=test", "--engine=all", "--gate"]);
    expect(res.stdout).toContain("== offline engine, test split: 5 cases ==");
    expect(res.stdout).toMatch(/top-1 accuracy\s+80\.0%/);
    expect(res.stdout).toContain("oomkilled → application_exception: 1");
    expect(res.stdout).toContain("llm engine skipped");
    expect(res.stdout).toContain("GATE FAIL (offline): top-1 accuracy 80.0% < 90.0%");
    expect(res.status).toBe(1);
    const json = JSON.parse(readFileSync(path.join(res.out, "offline-test.json"), "utf8"));
    expect(json).toMatchObject({ engine: "offline", split: "test", cases: 5, accuracy: 0.8 });
  }, 120_000);

  it("passes the gate on the train split of the fixture and rejects bad flags", () => {
    expect(run(["--split=train", "--gate"]).status).toBe(0);
    expect(run(["--split=nope"]).status).toBe(2);
  }, 120_000);
});
