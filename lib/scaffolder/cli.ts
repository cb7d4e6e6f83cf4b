import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import { createActionRegistry } from "./actions/registry";
import { type DryRunResult, dryRunTemplate, ValuesInvalidError } from "./dry-run";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  "usage: npm run scaffold -- dry-run <template-dir> [--values values.json|yaml] [--secrets secrets.json] [--out dir] [--json]";

async function readData(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, "utf8");
  const v = /\.ya?ml$/i.test(file) ? load(text) : JSON.parse(text);
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error(`${file} must hold an object`);
  return v as Record<string, unknown>;
}

function parseArgs(argv: string[]) {
  const [command, dir, ...rest] = argv;
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("--")) throw new Error(`Unexpected argument ${a}`);
    const next = rest[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      flags.set(a.slice(2), next);
      i++;
    } else flags.set(a.slice(2), true);
  }
  return { command, dir, flags };
}

function printResult(r: DryRunResult, io: CliIo): void {
  for (const s of r.steps)
    io.out(`${s.status.padEnd(10)} ${s.id} (${s.action})${s.error ? `: ${s.error}` : ""}`);
  io.out(`${r.directoryContents.length} files rendered`);
  for (const w of r.lint) {
    const where = `${w.file}${w.line ? `:${w.line}${w.column ? `:${w.column}` : ""}` : ""}`;
    (w.severity === "error" ? io.err : io.out)(`${w.severity}: ${where}: ${w.message} [${w.code}]`);
  }
  if (Object.keys(r.output).length) io.out(`output: ${JSON.stringify(r.output)}`);
}

/** `scaffold dry-run`: the same engine as the server, for template repos' CI. Returns the exit code. */
export async function runScaffoldCli(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err((e as Error).message);
    io.err(USAGE);
    return 2;
  }
  if (args.command !== "dry-run" || !args.dir) {
    io.err(USAGE);
    return 2;
  }
  const baseDir = path.resolve(args.dir);
  let templateYaml: string;
  try {
    templateYaml = await readFile(path.join(baseDir, "template.yaml"), "utf8");
  } catch {
    io.err(`No template.yaml in ${baseDir}`);
    return 2;
  }
  try {
    const valuesFile = args.flags.get("values");
    const secretsFile = args.flags.get("secrets");
    const values = typeof valuesFile === "string" ? await readData(valuesFile) : {};
    const secrets =
      typeof secretsFile === "string" ? ((await readData(secretsFile)) as Record<string, string>) : {};
    const out = args.flags.get("out");
    const workspacePath = typeof out === "string" ? path.resolve(out) : undefined;
    if (workspacePath) await mkdir(workspacePath, { recursive: true });
    const result = await dryRunTemplate({
      template: load(templateYaml),
      templateYaml,
      values,
      secrets,
      baseDir,
      registry: createActionRegistry(),
      services: { dataDir: path.resolve(".data") },
      workspacePath,
    });
    if (args.flags.get("json")) io.out(JSON.stringify(result, null, 2));
    else printResult(result, io);
    const errors = result.lint.filter((w) => w.severity === "error").length;
    if (result.status !== "completed") return 1;
    return errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ValuesInvalidError) {
      for (const p of error.problems) io.err(`error: ${p.field}: ${p.message}`);
      return 1;
    }
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
}
