import { describe, expect, it } from "vitest";
import type { RunbookSearchInput } from "./search";
import { suggestRunbooks } from "./suggest";

function recordingSearch() {
  const calls: RunbookSearchInput[] = [];
  return {
    calls,
    search: async (input: RunbookSearchInput) => {
      calls.push(input);
      return { results: [], degraded: [], category: input.category ?? null };
    },
  };
}

describe("suggestRunbooks steers retrieval with the diagnosis, as /api/diagnose does", () => {
  it("boosts the root cause and puts its and the runner-up's runbooks first", async () => {
    const rb = recordingSearch();
    const log = [
      'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known',
      "web-1   0/1   CrashLoopBackOff   7   12m",
    ].join("\n");
    await suggestRunbooks({ error_message: log, top_k: 3 }, rb);
    expect(rb.calls[0]).toMatchObject({
      category: "dns_resolution",
      preferCategories: ["dns_resolution", "crashloopbackoff"],
    });
  });

  it("a recognised failure outside the vocabulary steers too", async () => {
    const rb = recordingSearch();
    await suggestRunbooks({ error_message: "accept4: too many open files; retrying in 5ms", top_k: 3 }, rb);
    expect(rb.calls[0]).toMatchObject({ category: "other", preferCategories: ["other"] });
    expect(rb.calls[0].query).toContain("too many open files");
  });

  it("unrecognised text is searched as it is, without a category", async () => {
    const rb = recordingSearch();
    await suggestRunbooks({ error_message: "the widget looks odd today", top_k: 3 }, rb);
    expect(rb.calls[0]).toMatchObject({ query: "the widget looks odd today", category: undefined });
  });
});
