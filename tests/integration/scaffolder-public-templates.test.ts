import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { runScaffoldCli } from "@/lib/scaffolder/cli";
import { dryRunWithContents } from "@/lib/scaffolder/dry-run";
import { lintRegisteredTemplate } from "@/lib/scaffolder/lint/lint-registered-template";
import { TemplateInvalidError } from "@/lib/scaffolder/model/template";
import { readDirectoryContents } from "@/lib/scaffolder/workspace/directory-contents";

/** Real templates from backstage/software-templates, unchanged (see the README beside them). */
const FIXTURES = path.resolve("tests/fixtures/scaffolder/backstage-software-templates");
const registry = createActionRegistry();

async function load(name: string) {
  const dir = path.join(FIXTURES, name);
  const yamlText = await readFile(path.join(dir, "template.yaml"), "utf8");
  return { dir, yamlText, template: parse(yamlText) as unknown };
}

/** The API form of a dry run: the template and its folder, as the editor and wizard send them. */
async function dryRun(name: string, values: Record<string, unknown>) {
  const { dir, yamlText, template } = await load(name);
  const result = await dryRunWithContents({
    template,
    templateYaml: yamlText,
    values,
    directoryContents: await readDirectoryContents(dir),
    registry,
    services: { dataDir: await mkdtemp(path.join(tmpdir(), "public-tpl-")) },
  });
  const file = (p: string) => {
    const f = result.directoryContents.find((e) => e.path === p);
    return f ? Buffer.from(f.base64Content, "base64").toString("utf8") : undefined;
  };
  return { result, file };
}

const grpcValues = {
  component_id: "orders",
  java_package_name: "orders",
  owner: "group:default/team-a",
  repoUrl: "github.com?owner=acme&repo=orders",
};

describe("backstage/software-templates through dry-run, unchanged", () => {
  it("springboot-grpc-template: rendered names and folders, +x, {%- if %}, dump, parseRepoUrl, links", async () => {
    const { result, file } = await dryRun("springboot-grpc-template", {
      ...grpcValues,
      description: "Takes orders",
    });
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ["template", "completed"],
      ["publish", "completed"],
      ["register", "completed"],
    ]);
    expect(result.lint).toEqual([]);
    expect(result.directoryContents.map((e) => e.path).sort()).toEqual([
      "Dockerfile",
      "README.md",
      "catalog-info.yaml",
      "orders.sh",
      "src/main/java/com/example/orders/Application.java",
      "src/main/resources/application.properties",
    ]);
    expect(result.directoryContents.find((e) => e.path === "orders.sh")?.executable).toBe(true);
    expect(file("orders.sh")).toContain("-jar /usr/share/orders/orders.jar");
    // Shell variables ($JVM_ARGS, "$@") are not tags and survive rendering.
    expect(file("orders.sh")).toContain("$JVM_DEFAULT_ARGS $JVM_ARGS -jar");
    expect(file("src/main/java/com/example/orders/Application.java")).toContain(
      "package com.example.orders;",
    );
    expect(file("src/main/resources/application.properties")).toContain("server.port=8080");
    expect(parse(file("catalog-info.yaml") ?? "")).toEqual({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: {
        name: "orders",
        description: "Takes orders",
        annotations: { "github.com/project-slug": "acme/orders", "backstage.io/techdocs-ref": "dir:." },
      },
      spec: { type: "service", lifecycle: "experimental", owner: "group:default/team-a" },
    });
    expect(result.output).toEqual({
      links: [
        { title: "Repository", url: "https://github.com/acme/orders" },
        { title: "Open in catalog", icon: "catalog", entityRef: "component:default/dry-run" },
      ],
    });
  });

  it("springboot-grpc-template without the optional description drops the key ({%- if %})", async () => {
    const { file } = await dryRun("springboot-grpc-template", grpcValues);
    const info = parse(file("catalog-info.yaml") ?? "") as { metadata: Record<string, unknown> };
    expect(Object.keys(info.metadata)).toEqual(["name", "annotations"]);
  });

  it("react-ssr-template: free-form output keys", async () => {
    const { result, file } = await dryRun("react-ssr-template", {
      component_id: "site",
      owner: "group:default/web",
      repoUrl: "github.com?owner=acme&repo=site",
    });
    expect(result.status).toBe("completed");
    expect(result.lint).toEqual([]);
    expect(file("catalog-info.yaml")).toContain('name: "site"');
    expect(result.output).toEqual({
      remoteUrl: "https://github.com/acme/site",
      entityRef: "component:default/dry-run",
    });
  });

  it("pull-request: renders the local part; the remote fetch of github.com fails naming the host", async () => {
    const { result, file } = await dryRun("pull-request", {
      name: "svc",
      repoUrl: "github.com?owner=acme&repo=mono",
    });
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ["fetch-base", "completed"],
      ["fetch-docs", "failed"],
      ["publish", "skipped"],
    ]);
    expect(file("catalog-info.yaml")).toContain('name: "svc"');
    expect(result.steps[1].error).toContain("Fetching from github.com is not allowed");
  });

  it("docs-template-cookiecutter: fetch:cookiecutter is reported by lint with its line, and the step fails", async () => {
    const { result } = await dryRun("docs-template-cookiecutter", {
      name: "handbook",
      description: "How we work",
      repoUrl: "github.com?owner=acme&repo=handbook",
    });
    expect(result.lint).toContainEqual(
      expect.objectContaining({ code: "unknown_action", file: "template.yaml", line: 60, stepId: "fetch" }),
    );
    expect(result.steps[0]).toMatchObject({ id: "fetch", status: "failed" });
  });

  it("docs-template (still v1beta2) is refused naming apiVersion, at dry-run and at registration", async () => {
    await expect(dryRun("docs-template", { name: "x", description: "y" })).rejects.toThrow(
      TemplateInvalidError,
    );
    const { dir, yamlText } = await load("docs-template");
    const lint = await lintRegisteredTemplate({
      entity: parseAllDocuments(yamlText)[0]?.toJS(),
      registry,
      yamlText,
      baseDir: dir,
    });
    expect(lint).toEqual([
      expect.objectContaining({
        code: "invalid_template",
        message: expect.stringContaining("apiVersion"),
        line: 1,
      }),
    ]);
  });

  it("registration lint finds nothing wrong with the v1beta3 ones", async () => {
    for (const name of ["springboot-grpc-template", "react-ssr-template", "pull-request"]) {
      const { dir, yamlText, template } = await load(name);
      expect(await lintRegisteredTemplate({ entity: template, registry, yamlText, baseDir: dir })).toEqual(
        [],
      );
    }
  });

  it("the CLI renders springboot-grpc-template into --out and exits 0", async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), "public-cli-"));
    await writeFile(path.join(tmp, "values.json"), JSON.stringify(grpcValues));
    const lines: string[] = [];
    const code = await runScaffoldCli(
      [
        "dry-run",
        path.join(FIXTURES, "springboot-grpc-template"),
        "--values",
        path.join(tmp, "values.json"),
        "--out",
        path.join(tmp, "out"),
      ],
      { out: (l) => lines.push(l), err: (l) => lines.push(`ERR ${l}`) },
    );
    expect(lines.filter((l) => l.startsWith("ERR"))).toEqual([]);
    expect(code).toBe(0);
    expect((await stat(path.join(tmp, "out", "orders.sh"))).mode & 0o111).not.toBe(0);
  });
});
