// Copies a fake-kube scenario with every RFC 3339 timestamp moved so the
// fixtures' capture time becomes "now". The analyzers only report recent
// terminations and events (e.g. OOMKilled), and the portal runs on the real clock.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** When tests/fixtures/k8s was captured; recency windows in the analyzers are relative to it. */
export const FIXTURES_CAPTURED_AT = Date.parse("2026-03-02T10:00:00Z");

const TIMESTAMP = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)"/g;

export function shiftTimestamps(json, offsetMs) {
  return json.replace(TIMESTAMP, (_, ts) => {
    const shifted = new Date(Date.parse(ts) + offsetMs).toISOString();
    // Keep the fixtures' second precision: the real API server never sends milliseconds.
    return `"${ts.includes(".") ? shifted : shifted.replace(/\.\d{3}Z$/, "Z")}"`;
  });
}

/** Returns a fixtures root (pass as --fixtures) holding the shifted copy of `scenario`. */
export function shiftedFixtures(fixturesRoot, scenario, now = Date.now()) {
  const offset = now - FIXTURES_CAPTURED_AT;
  const root = mkdtempSync(path.join(tmpdir(), "portico-e2e-kube-"));
  const src = path.join(fixturesRoot, scenario);
  const dest = path.join(root, scenario);
  mkdirSync(dest);
  for (const file of readdirSync(src).filter((f) => f.endsWith(".json"))) {
    writeFileSync(path.join(dest, file), shiftTimestamps(readFileSync(path.join(src, file), "utf8"), offset));
  }
  return root;
}
