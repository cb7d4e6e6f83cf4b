import { describe, expect, it } from "vitest";
import { routeOfflineIntent } from "./route-intent";

describe("routeOfflineIntent", () => {
  it.each([
    ["runbook for CrashLoopBackOff", { kind: "runbooks", query: "CrashLoopBackOff" }],
    ["Runbooks about TLS certificate expiry?", { kind: "runbooks", query: "TLS certificate expiry" }],
    ["how do I fix an OOMKilled pod", { kind: "runbooks", query: "an OOMKilled pod" }],
    ["who owns checkout-api?", { kind: "owner", query: "checkout-api" }],
    ["Who owns the payments-gateway", { kind: "owner", query: "payments-gateway" }],
    ["which team owns shipment-tracker", { kind: "owner", query: "shipment-tracker" }],
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
    expect(routeOfflineIntent(log)).toEqual({ kind: "diagnose", text: log });
  });

  it("treats a single log-looking line as an error paste but not a question about errors", () => {
    expect(routeOfflineIntent("Error: connect ECONNREFUSED 10.0.0.12:5432").kind).toBe("diagnose");
    expect(routeOfflineIntent("java.lang.OutOfMemoryError: Java heap space").kind).toBe("diagnose");
    expect(routeOfflineIntent("why has the deployment failed?").kind).toBe("cluster");
  });

  it("an explicit runbook request wins over error words", () => {
    expect(routeOfflineIntent("runbook for Error: x509: certificate has expired")).toEqual({
      kind: "runbooks",
      query: "Error: x509: certificate has expired",
    });
  });
});
