import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { composeEntityAnswer } from "@/lib/chat/offline/compose-entity";
import { findMentions } from "@/lib/chat/offline/entity-resolver";
import { podMentionIn } from "@/lib/chat/offline/pod-mention";
import { routeOfflineIntent } from "@/lib/chat/offline/route-intent";
import { analyzeLog, compilePatterns } from "@/lib/diagnose/analyzer";
import { isDestructiveCommand } from "@/lib/diagnose/commands";
import { neutralize } from "@/lib/diagnose/llm-prompt";
import { PATTERNS } from "@/lib/diagnose/patterns";
import { PATTERN_CONTEXTS } from "@/lib/diagnose/patterns/contexts";
import { RULES, redactSecrets } from "@/lib/diagnose/redact";
import { redactObject } from "@/lib/diagnose/redact-object";
import { isSecretKey } from "@/lib/diagnose/secret-keys";
import { workloadFromPod } from "@/lib/diagnose/shell";
import { parseQuantity } from "@/lib/k8s/quantity";
import { classifyFailureText } from "@/lib/runbooks/categories";
import { tokenize } from "@/lib/vector/tokenize";
import { registeredLinearRegexes } from "./linear-regex";

/**
 * Every regex that runs on request data, on inputs built to make a
 * backtracking engine go quadratic or worse (issue 10, item 2). The budgets
 * are generous (a shared CI core is slow); the bugs they catch took seconds.
 * Numbers for tuning belong in bench/, this only guards the complexity class.
 */
const KB = 1024;
const BUDGET_MS = 750;

function hostileInputs(size: number): [string, string][] {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    ["a", fill("a")],
    ["dots", fill(".")],
    ["spaces", fill(" ")],
    ["a then bang", `${fill("a")}!`],
    ["dots then letter", `${fill(".")}a`],
    ["spaces then letter", `${fill(" ")}x`],
    ["nested brackets", `${fill("[(")}${fill(")]").slice(0, size / 4)}`],
    ["angle and spaces", fill("<      /      ")],
    ["angle then spaces", `<${fill(" ")}`],
    ["kubectl repeated", fill("kubectl ")],
    ["terraform repeated", fill("terraform ")],
    ["half token", fill("password=")],
    ["half key", fill("sk-")],
    ["runbook words", fill("how to ")],
    ["pod words", fill("pod a-")],
    ["namespace words", fill("namespace in ")],
    ["ErrorError", fill("Error")],
    ["digits", fill("1")],
    ["dns labels", `${fill("a.")}-`],
    ["cookie lines", fill("Cookie: a\n")],
    ["mysql", `mysql ${fill(" -")}`],
    ["quote runs", fill(`password="`)],
  ];
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// Import side effects above register every linearRegex in the modules.
const linear = registeredLinearRegexes();
const redactionRules = RULES.map((r) => ({ name: `redact:${r.id}`, re: RE2JS.compile(r.regex) }));
const analyzerPatterns = compilePatterns(PATTERNS).single.map((re, i) => ({
  name: `pattern:${PATTERNS[i].id}`,
  re,
}));
const contextMarkers = Object.entries(PATTERN_CONTEXTS).map(([name, source]) => ({
  name: `context:${name}`,
  re: RE2JS.compile(source),
}));

describe("regexes on request data are linear", () => {
  it("collects the patterns (a module switching back to RegExp drops out of this list)", () => {
    const names = linear.map((r) => r.name);
    for (const expected of [
      "offline-intent-runbook",
      "offline-intent-error-tokens",
      "offline-tidy-trailing",
      "destructive-command-0",
      "runbook-signature-terraform_provider_auth",
      "pod-name-deployment",
      "secret-key-name",
    ]) {
      expect(names).toContain(expected);
    }
    expect(redactionRules.length).toBeGreaterThan(10);
    expect(analyzerPatterns.length).toBeGreaterThan(40);
  });

  it("every registered pattern stays within budget on 32 KB hostile inputs", () => {
    const slow: string[] = [];
    for (const [label, input] of hostileInputs(32 * KB)) {
      for (const re of linear) {
        const ms = timed(() => {
          re.test(input);
          re.exec(input);
        });
        if (ms > BUDGET_MS) slow.push(`${re.name} on ${label}: ${ms.toFixed(0)} ms`);
      }
      for (const { name, re } of [...redactionRules, ...analyzerPatterns, ...contextMarkers]) {
        const ms = timed(() => re.test(input));
        if (ms > BUDGET_MS) slow.push(`${name} on ${label}: ${ms.toFixed(0)} ms`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it("every entry point that runs regexes on request text stays within budget on 256 KB", () => {
    const entryPoints: [string, (s: string) => unknown][] = [
      ["routeOfflineIntent", routeOfflineIntent],
      ["podMentionIn", podMentionIn],
      [
        "findMentions",
        (s) =>
          findMentions(s, [
            { ref: "component:default/a-a", kind: "Component", name: "a-a", title: s, aliases: [s] },
          ]),
      ],
      [
        "composeEntityAnswer",
        (s) =>
          composeEntityAnswer(["oncall"], {
            ref: "component:default/x",
            found: true,
            entity: {
              ref: "component:default/x",
              kind: "Component",
              namespace: "default",
              name: "x",
              title: null,
              description: null,
              type: null,
              lifecycle: null,
              owner: null,
              url: "/catalog/component/default/x",
            },
            owner: null,
            relations: [],
            links: [{ url: s, title: s }],
          }),
      ],
      ["neutralize", neutralize],
      ["redactSecrets", redactSecrets],
      ["redactObject", (s) => redactObject({ [s.slice(0, 4096)]: s, env: [{ name: s, value: s }] })],
      ["isSecretKey", isSecretKey],
      ["analyzeLog", (s) => analyzeLog(s)],
      ["classifyFailureText", classifyFailureText],
      ["tokenize", tokenize],
      ["isDestructiveCommand", isDestructiveCommand],
      ["workloadFromPod", workloadFromPod],
      ["parseQuantity", parseQuantity],
    ];
    const slow: string[] = [];
    for (const [label, input] of hostileInputs(256 * KB)) {
      for (const [name, fn] of entryPoints) {
        const ms = timed(() => fn(input));
        if (ms > BUDGET_MS * 2) slow.push(`${name} on ${label}: ${ms.toFixed(0)} ms`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
