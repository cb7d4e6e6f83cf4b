import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");

/** Absolute path of an executable on the PATH, or undefined. */
export function which(name: string): string | undefined {
  const out = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const found = out.stdout.trim();
  return out.status === 0 && found ? found : undefined;
}

/**
 * A tool the delivery suite cannot run without. In CI (CI=true) its absence fails the suite;
 * locally `npm test` skips those tests. Either way one line says what is missing and why.
 */
export interface ToolGate {
  available: boolean;
  line: string;
}

export function gate(tool: string, available: boolean, why: string): ToolGate {
  const line = available
    ? `delivery: ${tool} found`
    : `delivery: ${tool} not available here (${why}); ${process.env.CI ? "FAILING because CI=true" : "skipping these checks locally (CI=true makes this fail)"}`;
  if (!available) console.warn(line);
  return { available, line };
}

export const inCi = Boolean(process.env.CI && process.env.CI !== "false" && process.env.CI !== "0");

/**
 * The hashicorp/aws provider directory the machine image ships (the registry is unreachable
 * here). TF_PLUGIN_MIRROR overrides; otherwise the usual locations are searched.
 */
export function findPluginMirror(): string | undefined {
  const candidates = [process.env.TF_PLUGIN_MIRROR, "/opt/tf-plugins", "/usr/share/terraform/plugins"];
  for (const dir of candidates) {
    if (dir && existsSync(path.join(dir, "registry.terraform.io", "hashicorp", "aws"))) return dir;
  }
  return undefined;
}

/** Every file under dir (relative paths), skipping dot-directories such as .terraform. */
export function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") && entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, base));
    else out.push(path.relative(base, full));
  }
  return out;
}
