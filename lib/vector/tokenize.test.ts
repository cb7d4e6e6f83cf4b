import { describe, expect, it } from "vitest";
import { stem, tokenize, wordSequence } from "./tokenize";

describe("tokenize", () => {
  it("lowercases, drops stop words and stems inflections to one term", () => {
    expect(tokenize("The pod keeps Restarting")).toEqual(["pod", "restart"]);
    expect(tokenize("restarts restarted restart")).toEqual(["restart", "restart", "restart"]);
  });

  it("expands hyphenated and camel-case compounds into joined form and parts", () => {
    expect(tokenize("back-off")).toEqual(["backoff", "back", "off"]);
    expect(tokenize("CrashLoopBackOff")).toEqual(["crashloopbackoff", "crash", "loop", "back", "off"]);
  });

  it("keeps numeric and alphanumeric tokens such as error codes", () => {
    expect(tokenize("x509 exit 137")).toEqual(["x509", "exit", "137"]);
  });

  it("does not over-stem short words or words ending in ss/us", () => {
    expect(stem("pods")).toBe("pods");
    expect(stem("access")).toBe("access");
    expect(stem("status")).toBe("status");
    expect(stem("policies")).toBe("policy");
  });

  it("wordSequence keeps order for bigrams without compound expansion", () => {
    expect(wordSequence("the state lock held by another-run")).toEqual([
      "state",
      "lock",
      "held",
      "another",
      "run",
    ]);
  });
});
