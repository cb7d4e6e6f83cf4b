import { chmod, lstat, mkdir, mkdtemp, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runInline } from "../testing/run-inline";

let base: string;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x24, 0x7b, 0x7b, 0xff, 0xfe]);

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), "fetch-template-"));
  const sk = path.join(base, "skeleton");
  await mkdir(path.join(sk, "${{ values.name }}", "src"), { recursive: true });
  await writeFile(
    path.join(sk, "${{ values.name }}", "src", "index.ts"),
    "export const name = '${{ values.name }}'; // ${x}\n",
  );
  await writeFile(path.join(sk, "README.md"), "# ${{ values.name }}\n{% if values.docs %}docs{% endif %}\n");
  await writeFile(path.join(sk, "${{ 'docs.md' if values.docs else '' }}"), "docs for ${{ values.name }}");
  await writeFile(path.join(sk, "logo.png"), png);
  await writeFile(path.join(sk, "run.sh"), "#!/bin/sh\necho ${{ values.name }}\n");
  await chmod(path.join(sk, "run.sh"), 0o755);
  await mkdir(path.join(sk, "static"), { recursive: true });
  await writeFile(path.join(sk, "static", "raw.txt"), "keep ${{ values.name }}");
  await writeFile(path.join(sk, "cc.txt"), "{{ cookiecutter.name }}");
});

const fetchStep = (input: Record<string, unknown>) => ({
  id: "fetch",
  action: "fetch:template",
  input: { url: "./skeleton", ...input },
});

describe("fetch:template", () => {
  it("renders names and contents, skips empty segments, copies binaries and keeps +x", async () => {
    const { result, workspacePath: ws } = await runInline({
      baseDir: base,
      steps: [fetchStep({ values: { name: "svc", docs: false }, copyWithoutTemplating: ["static/**"] })],
    });
    expect(result.status).toBe("completed");
    expect(await readFile(path.join(ws, "svc/src/index.ts"), "utf8")).toBe(
      "export const name = 'svc'; // ${x}\n",
    );
    expect(await readFile(path.join(ws, "README.md"), "utf8")).toBe("# svc\n\n");
    await expect(stat(path.join(ws, "docs.md"))).rejects.toThrow();
    expect(Buffer.compare(await readFile(path.join(ws, "logo.png")), png)).toBe(0);
    expect((await stat(path.join(ws, "run.sh"))).mode & 0o111).not.toBe(0);
    expect(await readFile(path.join(ws, "static/raw.txt"), "utf8")).toBe("keep ${{ values.name }}");
  });

  it("honours targetPath and replace", async () => {
    const first = await runInline({
      baseDir: base,
      steps: [fetchStep({ values: { name: "a" }, targetPath: "sub" })],
    });
    const ws = first.workspacePath;
    await writeFile(path.join(ws, "sub/README.md"), "mine");
    await runInline({
      baseDir: base,
      workspacePath: ws,
      steps: [fetchStep({ values: { name: "b" }, targetPath: "sub" })],
    });
    expect(await readFile(path.join(ws, "sub/README.md"), "utf8")).toBe("mine");
    await runInline({
      baseDir: base,
      workspacePath: ws,
      steps: [fetchStep({ values: { name: "b" }, targetPath: "sub", replace: true })],
    });
    expect(await readFile(path.join(ws, "sub/README.md"), "utf8")).toBe("# b\n\n");
  });

  it("supports cookiecutterCompat", async () => {
    const { workspacePath: ws } = await runInline({
      baseDir: base,
      steps: [
        {
          action: "fetch:template:file",
          input: {
            url: "./skeleton/cc.txt",
            targetPath: "out.txt",
            values: { name: "cc" },
            cookiecutterCompat: true,
          },
        },
      ],
    });
    expect(await readFile(path.join(ws, "out.txt"), "utf8")).toBe("cc");
  });

  it("names file, line and column of a template syntax error", async () => {
    await writeFile(path.join(base, "skeleton", "broken.txt"), "ok\nline ${{ values.name ( }}\n");
    const { result } = await runInline({ baseDir: base, steps: [fetchStep({ values: { name: "x" } })] });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/broken\.txt:2:\d+/);
  });
});

describe("path safety", () => {
  it.each([["../escape"], ["/tmp/abs"], ["a/../../b"]])(
    "targetPath %s fails with nothing written outside",
    async (targetPath) => {
      const { result, workspacePath: ws } = await runInline({
        baseDir: base,
        steps: [fetchStep({ values: { name: "z" }, targetPath })],
      });
      expect(result.status).toBe("failed");
      await expect(lstat(path.join(ws, "..", "escape"))).rejects.toThrow();
    },
  );

  it("refuses a url outside the template folder", async () => {
    const { result } = await runInline({
      baseDir: path.join(base, "skeleton"),
      steps: [{ action: "fetch:plain", input: { url: "../../etc" } }],
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/leaves the template folder/);
  });

  it("refuses writing through a symlink that leads outside the workspace", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "outside-"));
    const ws = await mkdtemp(path.join(tmpdir(), "ws-"));
    await symlink(outside, path.join(ws, "link"));
    const { result } = await runInline({
      baseDir: base,
      workspacePath: ws,
      steps: [fetchStep({ values: { name: "z" }, targetPath: "link" })],
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/symlink/);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(outside)).toEqual([]);
  });

  it("fs:delete and fs:rename refuse escapes", async () => {
    const r1 = await runInline({ steps: [{ action: "fs:delete", input: { files: ["../x"] } }] });
    expect(r1.result.status).toBe("failed");
    const r2 = await runInline({
      steps: [{ action: "fs:rename", input: { files: [{ from: "a", to: "/etc/a" }] } }],
    });
    expect(r2.result.status).toBe("failed");
  });

  it("fails the step when the workspace exceeds its file-count or size limit", async () => {
    const files = await runInline({
      baseDir: base,
      limits: { maxFiles: 3, maxBytes: 10_000_000 },
      steps: [fetchStep({ values: { name: "z" } })],
    });
    expect(files.result.status).toBe("failed");
    expect(files.result.error).toMatch(/more than 3 files/);
    const bytes = await runInline({
      baseDir: base,
      limits: { maxFiles: 100, maxBytes: 20 },
      steps: [fetchStep({ values: { name: "z" } })],
    });
    expect(bytes.result.error).toMatch(/exceeds 20 bytes/);
  });
});
