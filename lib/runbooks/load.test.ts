import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAILURE_CATEGORIES } from "./categories";
import { loadRunbooks, parseRunbook, parseRunbooks, RunbookValidationError } from "./load";

const body =
  "# T\n\n## Symptoms\ns\n\n## Diagnosis\n```bash\n## not a heading\nkubectl get pods\n```\n\n## Fixes\nf\n\n## Prevention\np\n";
const source = (front: string, rest = body) => `---\n${front}\n---\n${rest}`;
const good = source("id: demo\ntitle: Demo\ncategories: [crashloopbackoff]\ntags: [a, 403]");

describe("parseRunbook", () => {
  it("parses front matter, keeps body and hashes the source", () => {
    const { runbook, issues } = parseRunbook(good, "demo.md");
    expect(issues).toEqual([]);
    expect(runbook).toMatchObject({
      id: "demo",
      title: "Demo",
      categories: ["crashloopbackoff"],
      tags: ["a", "403"],
    });
    expect(runbook?.body.startsWith("# T")).toBe(true);
    expect(runbook?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parseRunbook(`${good}\nmore`, "demo.md").runbook?.hash).not.toBe(runbook?.hash);
  });

  it("reports missing front matter, bad YAML and schema violations", () => {
    expect(parseRunbook(body, "x.md").issues[0]).toMatch(/missing YAML front matter/);
    expect(parseRunbook(source("id: [unclosed"), "x.md").issues[0]).toMatch(/not valid YAML/);
    const bad = parseRunbook(source("id: Bad_Id\ncategories: [not_a_category]"), "x.md").issues.join("\n");
    expect(bad).toMatch(/id must be kebab-case/);
    expect(bad).toMatch(/title/);
    expect(bad).toMatch(/categories\.0/);
  });

  it("requires the id to match the file name and all four sections outside code fences", () => {
    const noFixes = body.replace("## Fixes\nf\n", "```\n## Fixes\n```\n");
    const { issues } = parseRunbook(source("id: demo\ntitle: D\ncategories: [other]", noFixes), "other.md");
    expect(issues).toContain('other.md: id "demo" must match the file name "other"');
    expect(issues).toContain('other.md: missing "## Fixes" section');
  });
});

describe("parseRunbooks", () => {
  it("rejects duplicate ids and lists every problem in one error", () => {
    const run = () =>
      parseRunbooks([
        { file: "demo.md", source: good },
        { file: "sub/demo.md", source: good },
        { file: "broken.md", source: "nope" },
      ]);
    expect(run).toThrow(RunbookValidationError);
    try {
      run();
    } catch (err) {
      expect((err as RunbookValidationError).issues).toHaveLength(2);
    }
  });
});

describe("shipped runbooks", () => {
  it("load cleanly and cover every failure category", async () => {
    const runbooks = await loadRunbooks(path.resolve(__dirname, "../../runbooks"));
    const covered = new Set(runbooks.flatMap((r) => r.categories));
    expect(FAILURE_CATEGORIES.filter((c) => !covered.has(c))).toEqual([]);
    for (const id of ["crashloopbackoff", "oomkilled", "imagepullbackoff", "terraform-state-lock"]) {
      expect(runbooks.map((r) => r.id)).toContain(id);
    }
  });

  it("have real commands in fenced code blocks under Diagnosis", async () => {
    const runbooks = await loadRunbooks(path.resolve(__dirname, "../../runbooks"));
    for (const r of runbooks) {
      const diagnosis = r.body.split("## Diagnosis")[1].split("\n## ")[0];
      expect(diagnosis, r.id).toMatch(
        /```[a-z]*\n[\s\S]*?(kubectl|terraform|helm|argocd|aws|docker|npm|openssl|jcmd)/,
      );
    }
  });
});
