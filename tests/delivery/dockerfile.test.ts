import { readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/tools";

// Static checks of the image recipe; the runtime side (UID 10001, read-only root, /tmp only)
// is proved by runtime-contract.test.ts, and the real build + Trivy run in GitHub Actions.
const text = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const dockerfile = DockerfileParser.parse(text);
const froms = dockerfile.getFROMs();
const stageNames = froms.map((f) => f.getBuildStage()).filter((s): s is string => Boolean(s));
// getFromFlag() is undefined when COPY has a second flag (--chown), so read the flags directly.
const fromOf = (copy: ReturnType<typeof dockerfile.getCOPYs>[number]) =>
  copy
    .getFlags()
    .find((f) => f.getName() === "from")
    ?.getValue();
const finalStage = () => {
  const instructions = dockerfile.getInstructions();
  const lastFrom = froms[froms.length - 1];
  return instructions.filter((i) => i.getRange().start.line >= lastFrom.getRange().start.line);
};

describe("Dockerfile", () => {
  it("has no syntax problems (dockerfile-utils)", () => {
    const problems = validate(text).map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it("builds from Node 24 slim pinned to an exact version", () => {
    const arg = dockerfile.getARGs().find((a) => a.getProperty()?.getName() === "NODE_IMAGE");
    const image = arg?.getProperty()?.getValue();
    expect(image).toMatch(/^node:24\.\d+\.\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$/);
    for (const from of froms) expect(from.getImageName()).toBe(["$", "{NODE_IMAGE}"].join(""));
  });

  it("is multi-stage and every --from names an earlier stage", () => {
    expect(froms.length).toBeGreaterThanOrEqual(3);
    for (const copy of dockerfile.getCOPYs()) {
      const from = fromOf(copy);
      if (!from) continue;
      const index = stageNames.indexOf(from);
      expect(index, `COPY --from=${from}`).toBeGreaterThanOrEqual(0);
      expect(froms[index].getRange().start.line).toBeLessThan(copy.getRange().start.line);
    }
  });

  it("builds the standalone output and installs production dependencies without dev ones", () => {
    expect(text).toMatch(/next build/);
    expect(readFileSync(path.join(ROOT, "next.config.ts"), "utf8")).toMatch(/output:\s*"standalone"/);
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).toMatch(/COPY --from=build \/src\/\.next\/standalone/);
  });

  it("final stage runs as 10001, copies only from stages, strips source maps, points the cache at /tmp", () => {
    const last = finalStage();
    const users = last.filter((i) => i.getKeyword() === "USER").map((i) => i.getArgumentsContent());
    expect(users).toEqual(["10001:10001"]);
    const lastLine = froms[froms.length - 1].getRange().start.line;
    const copies = dockerfile.getCOPYs().filter((c) => c.getRange().start.line > lastLine);
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) expect(fromOf(c)).toBe("assemble");
    expect(last.filter((i) => i.getKeyword() === "RUN")).toEqual([]);
    expect(text).toMatch(/find \/app -name '\*\.map' -type f -delete/);
    expect(text).toMatch(/ln -s \/tmp\/next-cache \/app\/\.next\/cache/);
    const cmd = last.find((i) => i.getKeyword() === "CMD");
    expect(cmd?.getArgumentsContent()).toBe('["node", "server.js"]');
    expect(text).toMatch(/ENV NODE_ENV=production/);
  });

  it(".dockerignore keeps local state, secrets and tooling out of the build context", () => {
    const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    for (const entry of [".git", "node_modules", ".next", ".data", ".env", "generated", "infra", "gitops"])
      expect(ignored).toContain(entry);
  });

  it("npm run start:prod runs only the standalone server", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts["start:prod"]).toBe("node .next/standalone/server.js");
    expect(pkg.scripts["db:migrate"]).toMatch(/migrate/);
  });
});
