import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

function launch(env: Record<string, string>) {
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith("PORTICO_") || k.startsWith("OIDC_")) delete clean[k];
  return spawnSync(process.execPath, [tsx, "scripts/start.ts", "--no-seed"], {
    cwd: root,
    env: { ...clean, ...env, PORT: "3999" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("local mode bind refusal (npm start)", () => {
  it("refuses to listen on a network address in local mode, with one clear line, before starting anything", () => {
    const r = launch({ PORTICO_BIND_ADDRESS: "0.0.0.0" });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Refusing to listen on 0\.0\.0\.0: PORTICO_AUTH_MODE=local/);
    expect(r.stdout).not.toContain("embedded");
  });
});
