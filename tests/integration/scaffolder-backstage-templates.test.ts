import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScaffoldCli } from "@/lib/scaffolder/cli";

const FIXTURES = path.resolve("tests/fixtures/scaffolder/backstage-style");

async function dryRun(fixture: string, values: Record<string, unknown>) {
  const dir = await mkdtemp(path.join(tmpdir(), "bs-"));
  const valuesFile = path.join(dir, "values.json");
  await import("node:fs/promises").then((fs) => fs.writeFile(valuesFile, JSON.stringify(values)));
  const out = path.join(dir, "out");
  const lines: string[] = [];
  const code = await runScaffoldCli(
    ["dry-run", path.join(FIXTURES, fixture), "--values", valuesFile, "--out", out],
    {
      out: (l) => lines.push(l),
      err: (l) => lines.push(`ERR ${l}`),
    },
  );
  return { code, lines, out };
}

describe("Backstage-style templates through the CLI dry-run", () => {
  it("grpc-service: names, folders, +x, {%- if %}, parseRepoUrl, single-brace text, copyWithoutRender", async () => {
    const { code, lines, out } = await dryRun("grpc-service", {
      component_id: "orders",
      pkg: "orders",
      owner: "group:default/team-a",
      repoUrl: "github.com?owner=acme&repo=orders",
    });
    expect(lines.filter((l) => l.startsWith("ERR"))).toEqual([]);
    expect(code).toBe(0);
    expect((await stat(path.join(out, "orders.sh"))).mode & 0o111).not.toBe(0);
    expect(await readFile(path.join(out, "src/main/java/com/acme/orders/Main.java"), "utf8")).toContain(
      "package com.acme.orders;",
    );
    const info = await readFile(path.join(out, "catalog-info.yaml"), "utf8");
    expect(info).toContain("github.com/project-slug: acme/orders");
    expect(info).not.toContain("description");
    expect(await readFile(path.join(out, "build.xml"), "utf8")).toContain(
      "<release>${java.version}</release>",
    );
    expect(await readFile(path.join(out, ".github/workflows/build.yml"), "utf8")).toContain(
      "${{ github.sha }}",
    );
    expect(lines.join("\n")).toContain('"url":"https://github.com/acme/orders"');
  });

  it("ssr-website: free-form output keys", async () => {
    const { code, lines } = await dryRun("ssr-website", {
      component_id: "site",
      description: "A site",
      owner: "group:default/web",
      repoUrl: "github.com?owner=acme&repo=site",
    });
    expect(code).toBe(0);
    expect(lines.join("\n")).toContain(
      'output: {"remoteUrl":"https://github.com/acme/site","entityRef":"component:default/dry-run"}',
    );
  });

  it("pr-proposal: publish:github:pull-request faked in dry-run", async () => {
    const { code, lines, out } = await dryRun("pr-proposal", {
      name: "svc",
      repoUrl: "github.com?owner=acme&repo=infra",
    });
    expect(code).toBe(0);
    expect(await readFile(path.join(out, "catalog-info.yaml"), "utf8")).toContain('name: "svc"');
    expect(lines.join("\n")).toMatch(/completed\s+publish \(publish:github:pull-request\)/);
  });

  it("exits non-zero with the field when values are invalid", async () => {
    const { code, lines } = await dryRun("grpc-service", { component_id: "x" });
    expect(code).toBe(1);
    expect(lines).toContain("ERR error: values.owner: must have required property 'owner'");
  });

  it("exits non-zero on lint errors (unknown action, broken rendered catalog-info)", async () => {
    const { mkdir, writeFile } = await import("node:fs/promises");
    const dir = await mkdtemp(path.join(tmpdir(), "bs-lint-"));
    await mkdir(path.join(dir, "sk"));
    await writeFile(
      path.join(dir, "template.yaml"),
      "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec:\n  steps:\n    - action: fetch:template\n      input:\n        url: ./sk\n",
    );
    await writeFile(path.join(dir, "sk", "catalog-info.yaml"), "a: [${{ values.x }}\n");
    const lines: string[] = [];
    const code = await runScaffoldCli(["dry-run", dir], {
      out: (l) => lines.push(l),
      err: (l) => lines.push(`ERR ${l}`),
    });
    expect(code).toBe(1);
    expect(
      lines.some((l) => l.startsWith("ERR error: catalog-info.yaml:") && l.includes("[unparseable_output]")),
    ).toBe(true);
    expect(lines.some((l) => l.includes("sk/catalog-info.yaml:1:") && l.includes("values.x"))).toBe(true);
  });
});
