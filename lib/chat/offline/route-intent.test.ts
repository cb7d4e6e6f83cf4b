import { describe, expect, it } from "vitest";
import { entityPhrase, routeOfflineIntent } from "./route-intent";

const entity = (aspects: string[], query: string, followUp = false) => ({
  kind: "entity",
  aspects,
  query,
  followUp,
});

describe("routeOfflineIntent", () => {
  it.each([
    ["runbook for CrashLoopBackOff", { kind: "runbooks", query: "CrashLoopBackOff" }],
    ["Runbooks about TLS certificate expiry?", { kind: "runbooks", query: "TLS certificate expiry" }],
    ["how do I fix an OOMKilled pod", { kind: "runbooks", query: "an OOMKilled pod" }],
    ["who owns checkout-api?", entity(["owner"], "checkout-api")],
    ["Who owns the payments-gateway", entity(["owner"], "payments-gateway")],
    ["which team owns shipment-tracker", entity(["owner"], "shipment-tracker")],
    [
      "Who owns the accounts service and what APIs does it provide?",
      entity(["owner", "providesApis"], "accounts service", true),
    ],
    ["what APIs does cart-service consume?", entity(["consumesApis"], "cart-service")],
    ["what does ledger-worker depend on?", entity(["dependencies"], "ledger-worker")],
    ["who depends on payments-db?", entity(["dependents"], "payments-db")],
    ["who is on call for checkout-api", entity(["oncall"], "checkout-api")],
    ["and who owns it?", entity(["owner"], "", true)],
    ["links for storefront-web", entity(["links"], "storefront-web")],
    ["tell me about the fraud scoring service", entity(["describe"], "fraud scoring service")],
    ["what's broken in payments?", { kind: "cluster", target: "payments" }],
    ["any problems in the tracking namespace", { kind: "cluster", namespace: "tracking" }],
    ["show pod payments/api-7d9f", { kind: "pod", namespace: "payments", name: "api-7d9f" }],
    ["what about pod api-7d9f in namespace shop", { kind: "pod", namespace: "shop", name: "api-7d9f" }],
    ["is the cluster healthy?", { kind: "cluster" }],
    ["why are pods crashing in payments namespace", { kind: "cluster", namespace: "payments" }],
    ["find checkout", { kind: "catalog", query: "checkout" }],
    ["hello there", { kind: "help" }],
  ])("%s", (text, expected) => {
    expect(routeOfflineIntent(text)).toEqual(expected);
  });

  it("sends a pasted log to diagnosis even when it mentions pods", () => {
    const log = [
      "Warning  BackOff  3m  kubelet  Back-off restarting failed container api in pod api-7d9f",
      "Last State: Terminated  Reason: OOMKilled  Exit Code: 137",
    ].join("\n");
    expect(routeOfflineIntent(log)).toEqual({
      kind: "diagnose",
      text: log,
      pod: { name: "api-7d9f", namespace: null },
    });
  });

  it("sends a one-line kubelet event to diagnosis with the pod it names (issue 15)", () => {
    const event =
      "Back-off restarting failed container accounts in pod accounts-service-7d9f8b6c5-x2x9k_storefront(8c0e5e1a-1f0a-4c55-9a6e-2d3b1e0f9a11) (OOMKilled, exit code 137)";
    expect(routeOfflineIntent(event)).toEqual({
      kind: "diagnose",
      text: event,
      pod: { name: "accounts-service-7d9f8b6c5-x2x9k", namespace: "storefront" },
    });
  });

  it("treats a single log-looking line as an error paste but not a question about errors", () => {
    expect(routeOfflineIntent("Error: connect ECONNREFUSED 10.0.0.12:5432").kind).toBe("diagnose");
    expect(routeOfflineIntent("java.lang.OutOfMemoryError: Java heap space").kind).toBe("diagnose");
    expect(routeOfflineIntent("why has the deployment failed?").kind).toBe("cluster");
    expect(routeOfflineIntent("why does this fail?\nError: connect ECONNREFUSED 10.0.0.12:5432").kind).toBe(
      "diagnose",
    );
  });

  it("an explicit runbook request wins over error words", () => {
    expect(routeOfflineIntent("runbook for Error: x509: certificate has expired")).toEqual({
      kind: "runbooks",
      query: "Error: x509: certificate has expired",
    });
  });
});

describe("entityPhrase", () => {
  it("keeps the longest run of non-question words", () => {
    expect(entityPhrase("Who owns the accounts service and what APIs does it provide?")).toBe(
      "accounts service",
    );
    expect(entityPhrase("and who owns it?")).toBe("");
  });
});
