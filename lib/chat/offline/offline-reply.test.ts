import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import type { ToolRunners } from "../tools";
import { OFFLINE_NOTICE, writeOfflineReply } from "./offline-reply";

const entity = {
  ref: "component:default/checkout-api",
  kind: "Component",
  namespace: "default",
  name: "checkout-api",
  title: "Checkout API",
  description: null,
  type: "service",
  lifecycle: "production",
  owner: "group:default/payments-team",
  url: "/catalog/component/default/checkout-api",
};

function runners(overrides: Partial<ToolRunners> = {}): ToolRunners {
  const fail = async (): Promise<never> => {
    throw new Error("unexpected tool");
  };
  return {
    diagnoseError: fail,
    searchRunbooks: fail,
    getClusterHealth: fail,
    getPodDetails: fail,
    findEntities: fail,
    getEntity: fail,
    ...overrides,
  };
}

async function reply(text: string, run: ToolRunners) {
  const chunks: UIMessageChunk[] = [];
  const intent = await writeOfflineReply({ write: (c) => chunks.push(c as UIMessageChunk) }, text, run);
  const prose = chunks.flatMap((c) => (c.type === "text-delta" ? [c.delta] : [])).join("");
  return { intent, chunks, prose };
}

describe("writeOfflineReply", () => {
  it("looks the name up, then fetches the entity, and says who owns it", async () => {
    const { chunks, prose } = await reply(
      "who owns checkout-api?",
      runners({
        findEntities: async ({ query }) => ({ query, results: [entity], total: 1 }),
        getEntity: async ({ ref }) => ({
          ref,
          found: true,
          entity,
          owner: {
            ref: "group:default/payments-team",
            title: "Payments",
            email: null,
            url: "/catalog/group/default/payments-team",
          },
          relations: [],
          links: [],
        }),
      }),
    );
    const calls = chunks.flatMap((c) => (c.type === "tool-input-available" ? [c] : []));
    expect(calls.map((c) => [c.toolName, c.input])).toEqual([
      ["findEntities", { query: "checkout-api", limit: 5 }],
      ["getEntity", { ref: "component:default/checkout-api" }],
    ]);
    expect(chunks.filter((c) => c.type === "tool-output-available")).toHaveLength(2);
    expect(prose).toContain(OFFLINE_NOTICE);
    expect(prose).toContain("owned by [Payments](/catalog/group/default/payments-team)");
  });

  it("streams the text in several deltas", async () => {
    const { chunks } = await reply("hello", runners());
    expect(chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(10);
    expect(chunks.some((c) => c.type === "tool-input-available")).toBe(false);
  });

  it("turns a failing tool into a tool error part instead of failing the stream", async () => {
    const { chunks } = await reply(
      "cluster health",
      runners({
        getClusterHealth: async () => {
          throw new Error("apiserver timeout");
        },
      }),
    );
    const error = chunks.find((c) => c.type === "tool-output-error");
    expect(error).toMatchObject({ errorText: "The cluster health tool failed: apiserver timeout" });
  });

  it("says so when nothing in the catalog matches", async () => {
    const { prose, chunks } = await reply(
      "who owns nothing-here",
      runners({ findEntities: async ({ query }) => ({ query, results: [], total: 0 }) }),
    );
    expect(prose).toContain('Nothing in the catalog matches "nothing-here"');
    expect(chunks.filter((c) => c.type === "tool-input-available")).toHaveLength(1);
  });
});
