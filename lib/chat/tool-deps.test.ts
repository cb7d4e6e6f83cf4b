import { describe, expect, it } from "vitest";
import type { SqlExecutor } from "@/lib/catalog/db/sql-client";
import type { RunbookSearchInput } from "@/lib/runbooks/search";
import { type ChatServices, createChatToolDeps } from "./tool-deps";

function depsWithRunbooks(calls: RunbookSearchInput[]) {
  const services = {
    catalogDb: {} as SqlExecutor,
    runbooks: {
      search: async (input: RunbookSearchInput) => {
        calls.push(input);
        return {
          results: [
            {
              id: "too-many-open-files",
              title: "Too many open files",
              url: "/runbooks/too-many-open-files",
              score: 0.9,
              snippet: "",
              heading: "",
              categories: ["other"],
            },
          ],
          degraded: [],
          category: null,
        };
      },
    },
    clusterHealth: async () => {
      throw new Error("not used");
    },
    podContext: async () => {
      throw new Error("not used");
    },
  } as unknown as ChatServices;
  return createChatToolDeps(services);
}

describe("chat diagnose tool: runbooks", () => {
  it("links runbooks for a recognised failure outside the vocabulary", async () => {
    const calls: RunbookSearchInput[] = [];
    await depsWithRunbooks(calls).diagnose("accept4: too many open files; retrying in 5ms");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ category: "other", preferCategories: ["other"] });
  });

  it("steers like /api/diagnose: root cause boosted, its and the runner-up's runbooks first", async () => {
    const calls: RunbookSearchInput[] = [];
    await depsWithRunbooks(calls).diagnose(
      [
        "Warning  BackOff  kubelet  Back-off restarting failed container app in pod api-7f9",
        "    Last State:     Terminated",
        "      Reason:       OOMKilled",
        "      Exit Code:    137",
      ].join("\n"),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].category).toBe("oomkilled");
    expect(calls[0].preferCategories?.[0]).toBe("oomkilled");
    expect(calls[0].preferCategories?.length).toBeGreaterThanOrEqual(2);
    // No category filter: a near miss still reaches the right runbook through the keyword hits.
    expect(calls[0].categories).toBeUndefined();
    expect(calls[0].query).toContain("oomkilled");
  });

  it("does not search for text nothing recognises", async () => {
    const calls: RunbookSearchInput[] = [];
    await depsWithRunbooks(calls).diagnose("the widget looks odd today");
    expect(calls).toHaveLength(0);
  });
});
