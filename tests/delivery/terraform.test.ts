import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPluginMirror, gate, inCi, ROOT, walk, which } from "./support/tools";

// fmt, init against the local provider mirror, validate and `terraform test` (mocked AWS
// provider, assertions in each stack's tests/*.tftest.hcl) for every stack under infra/.
const INFRA = path.join(ROOT, "infra");
const STACKS = [
  "bootstrap",
  "modules/vpc",
  "modules/eks",
  "modules/rds",
  "modules/ecr",
  "modules/irsa",
  "modules/github-oidc",
  "modules/alb-controller",
  "modules/platform",
  "envs/dev",
  "envs/prod",
];

const terraform = which("terraform");
const mirror = findPluginMirror();
const tools = gate(
  "terraform + hashicorp/aws mirror",
  Boolean(terraform && mirror),
  terraform ? "no hashicorp/aws plugin mirror found (set TF_PLUGIN_MIRROR)" : "terraform is not on the PATH",
);

function cliConfig(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portico-tf-"));
  const cache = path.join(os.tmpdir(), "portico-tf-plugin-cache");
  mkdirSync(cache, { recursive: true });
  const file = path.join(dir, "cli.tfrc");
  // Providers only from the mirror: the registry is unreachable here; the cache symlinks, not copies.
  writeFileSync(
    file,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\nplugin_cache_dir = ${JSON.stringify(cache)}\n`,
  );
  return file;
}

function tf(stack: string, args: string[], env: NodeJS.ProcessEnv) {
  const out = spawnSync(terraform as string, [...args, "-no-color"], {
    cwd: path.join(INFRA, stack),
    env,
    encoding: "utf8",
    timeout: 600_000,
  });
  return { status: out.status, output: `${out.stdout}\n${out.stderr}` };
}

describe("terraform (infra/)", () => {
  it.skipIf(tools.available || !inCi)("has terraform and the provider mirror (required in CI)", () => {
    expect.fail(tools.line);
  });

  describe.skipIf(!tools.available)("offline checks", () => {
    const config = tools.available ? cliConfig() : "";
    const dataRoot = mkdtempSync(path.join(os.tmpdir(), "portico-tf-data-"));
    const envFor = (stack: string): NodeJS.ProcessEnv => ({
      ...process.env,
      TF_CLI_CONFIG_FILE: config,
      TF_DATA_DIR: path.join(dataRoot, stack.replaceAll("/", "_")),
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
    });

    it("is formatted (terraform fmt -check -recursive)", () => {
      const r = tf(".", ["fmt", "-check", "-recursive", "-diff"], envFor("fmt"));
      expect(r.status, r.output).toBe(0);
    });

    for (const stack of STACKS) {
      it(`${stack}: init -backend=false, validate, test`, () => {
        const env = envFor(stack);
        const init = tf(stack, ["init", "-backend=false", "-input=false"], env);
        expect(init.status, init.output).toBe(0);
        const validate = tf(stack, ["validate"], env);
        expect(validate.status, validate.output).toBe(0);
        const test = tf(stack, ["test"], env);
        expect(test.status, test.output).toBe(0);
        // The exit code is what counts; the summary line guards against "0 passed" runs.
        expect(test.output).toMatch(/Success! [1-9]\d* passed, 0 failed\./);
      });
    }
  });
});

describe("terraform sources (static)", () => {
  const files = walk(INFRA).filter((f) => f.endsWith(".tf"));
  const sources = files.map((f) => ({ file: f, text: readFileSync(path.join(INFRA, f), "utf8") }));

  it("pins the AWS provider to ~> 5.100 in every stack and module", () => {
    for (const { file, text } of sources.filter((s) => s.file.endsWith("versions.tf"))) {
      expect(text, file).toMatch(/version\s*=\s*"~> 5\.100"/);
    }
    expect(sources.filter((s) => s.file.endsWith("versions.tf")).length).toBe(STACKS.length);
  });

  it("has no static credentials or IAM users/keys anywhere", () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/\b(access_key|secret_key|token)\s*=/);
      expect(text, file).not.toMatch(/resource\s+"aws_iam_(access_key|user|user_policy)"/);
      expect(text, file).not.toMatch(/^\s*password\s*=/m);
      expect(text, file).not.toMatch(/AKIA[0-9A-Z]{16}/);
    }
  });

  it("uses no registry modules (offline) and no policy-document data sources (jsonencode instead)", () => {
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/^\s*source\s*=\s*"([^"]+)"/gm)) {
        if (m[1].startsWith("hashicorp/")) continue; // provider source addresses
        expect(m[1], file).toMatch(/^\.\.?\//);
      }
      expect(text, file).not.toMatch(/data\s+"aws_iam_policy_document"/);
    }
  });

  it("admits 0.0.0.0/0 only on the ALB's 80/443 ingress (and in egress routes)", () => {
    for (const { file, text } of sources) {
      expect(text, `${file}: no inline ingress blocks`).not.toMatch(/^\s*ingress\s*\{/m);
      const code = text.replace(/(^|\s)#.*$/gm, "$1");
      const blocks = code.split(/\n(?=resource |data |module |output |variable |locals )/);
      for (const block of blocks) {
        if (!block.includes("0.0.0.0/0")) continue;
        const header = block.split("\n")[0];
        const allowed =
          /resource "aws_route" /.test(header) ||
          /resource "aws_vpc_security_group_ingress_rule" "alb_public"/.test(header) ||
          /variable "endpoint_public_access_cidrs"/.test(header);
        expect(allowed, `${file}: ${header}`).toBe(true);
      }
    }
    const alb = sources.find((s) => s.file === "modules/eks/main.tf")?.text ?? "";
    expect(alb).toMatch(/for_each\s*=\s*toset\(\["80", "443"\]\)/);
  });
});
