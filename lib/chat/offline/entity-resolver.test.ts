import { describe, expect, it } from "vitest";
import { type CatalogName, findMentions, sameWord, tokenize } from "./entity-resolver";

const n = (ref: string, title: string | null, aliases: string[] = []): CatalogName => {
  const [kind, rest] = ref.split(":");
  return { ref, kind, name: rest.split("/")[1], title, aliases };
};

const NAMES = [
  n("component:default/accounts-service", "Accounts Service"),
  n("api:default/accounts-v1", "Accounts API v1"),
  n("resource:default/accounts-db", "Accounts database"),
  n("component:default/checkout-api", "Checkout API"),
  n("api:default/checkout-v1", "Checkout API v1"),
  n("system:default/payments", "Payments"),
  n("api:default/payments-v1", "Payments API v1"),
  n("group:default/customer-accounts-team", "Customer Accounts", ["CAT"]),
  n("component:default/tracking-web", "Track and Trace", ["parcel tracker"]),
];

const top = (q: string, preferKinds?: string[]) => findMentions(q, NAMES, { preferKinds })[0]?.ref;

describe("findMentions", () => {
  it.each([
    ["Who owns the accounts service and what APIs does it provide?", "component:default/accounts-service"],
    ["who owns accounts?", "component:default/accounts-service"],
    ["who owns the accounts API", "api:default/accounts-v1"],
    ["what depends on the accounts database", "resource:default/accounts-db"],
    ["who owns the acounts service", "component:default/accounts-service"],
    ["who owns checkout-api?", "component:default/checkout-api"],
    ["who owns Checkout API v1", "api:default/checkout-v1"],
    ["links for track and trace", "component:default/tracking-web"],
    ["who maintains the parcel tracker", "component:default/tracking-web"],
    ["who is in customer accounts", "group:default/customer-accounts-team"],
    ["who owns payments", "system:default/payments"],
  ])("%s", (question, ref) => {
    expect(top(question)).toBe(ref);
  });

  it("finds nothing in a question about no entity", () => {
    expect(findMentions("who owns it?", NAMES)).toEqual([]);
    expect(findMentions("hello there", NAMES)).toEqual([]);
  });

  it("bounds the work on a huge message", () => {
    expect(tokenize("a ".repeat(100_000)).length).toBeLessThanOrEqual(200);
    const start = performance.now();
    findMentions("accounts ".repeat(10_000), NAMES);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it("matches plurals and single typos of longer words only", () => {
    expect(sameWord("accounts", "account")).toBe(true);
    expect(sameWord("acounts", "accounts")).toBe(true);
    expect(sameWord("cat", "car")).toBe(false);
  });
});
