import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import type { ToolRunners } from "../tools";
import { OFFLINE_NOTICE, type OfflineContext, writeOfflineReply } from "./offline-reply";

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

async function reply(text: string, run: ToolRunners, ctx: OfflineContext = {}) {
  const chunks: UIMessageChunk[] = [];
  const intent = await writeOfflineReply({ write: (c) => chunks.push(c as UIMessageChunk) }, text, run, ctx);
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

  const detail = {
    ref: "component:default/checkout-api",
    found: true,
    entity,
    owner: {
      ref: "group:default/payments-team",
      title: "Payments",
      email: "pay@example.com",
      url: "/catalog/group/default/payments-team",
    },
    relations: [
      { type: "providesApi", targetRef: "api:default/checkout-v1", url: "/catalog/api/default/checkout-v1" },
      {
        type: "dependsOn",
        targetRef: "resource:default/orders-db",
        url: "/catalog/resource/default/orders-db",
      },
    ],
    links: [{ url: "https://pager.example.com/checkout", title: "On-call rota" }],
  };
  const catalogNames = async () => [
    {
      ref: "component:default/checkout-api",
      kind: "Component",
      name: "checkout-api",
      title: "Checkout API",
      aliases: [],
    },
  ];
  const toolCalls = (chunks: UIMessageChunk[]) =>
    chunks.flatMap((c) => (c.type === "tool-input-available" ? [[c.toolName, c.input]] : []));

  it("resolves a mention against catalog names and answers every aspect asked", async () => {
    const { chunks, prose } = await reply(
      "Who owns the checkout API and what APIs does it provide?",
      runners({ getEntity: async () => detail }),
      { catalogNames },
    );
    expect(toolCalls(chunks)).toEqual([["getEntity", { ref: "component:default/checkout-api" }]]);
    expect(prose).toContain("owned by [Payments](/catalog/group/default/payments-team) (pay@example.com)");
    expect(prose).toContain("It provides 1 API: [checkout-v1](/catalog/api/default/checkout-v1)");
  });

  it("answers a follow-up about the previous turn's entity", async () => {
    const previous = { entityRef: "component:default/checkout-api", aspects: [], pod: null };
    const { chunks, prose } = await reply(
      "and who is on call for it?",
      runners({ getEntity: async () => detail }),
      {
        previous,
        catalogNames,
      },
    );
    expect(toolCalls(chunks)).toEqual([["getEntity", { ref: "component:default/checkout-api" }]]);
    expect(prose).toContain("[On-call rota](https://pager.example.com/checkout)");
  });

  it("diagnoses a pasted kubelet event and fetches the pod it names", async () => {
    const event =
      "Back-off restarting failed container api in pod api-7d9f-x2_shop(0c5c1e2a-0000) (OOMKilled, exit code 137)";
    const { chunks, prose } = await reply(
      event,
      runners({
        diagnoseError: async () => ({
          category: "oomkilled",
          title: "Out of memory (OOMKilled)",
          severity: "critical",
          summary: "Container killed for exceeding its memory limit.\nEvidence (line 1): ...",
          evidence: [{ line: 1, excerpt: event }],
          commands: [],
          runbooks: [],
          redactions: 0,
        }),
        getPodDetails: async ({ namespace, name }) => ({
          found: true,
          namespace,
          name,
          message: null,
          phase: "Running",
          node: "n1",
          containers: [
            { name: "api", ready: false, state: "waiting", reason: "CrashLoopBackOff", restarts: 7 },
          ],
          events: [],
          problems: [],
        }),
      }),
    );
    expect(toolCalls(chunks)).toEqual([
      ["diagnoseError", { text: event }],
      ["getPodDetails", { namespace: "shop", name: "api-7d9f-x2" }],
    ]);
    expect(prose).toContain("exceeding its memory limit");
    expect(prose).toContain("container api is waiting (CrashLoopBackOff)");
  });
});
