import { describe, expect, it } from "vitest";
import { classifyFailureText, FAILURE_CATEGORIES, isFailureCategory } from "./categories";

describe("classifyFailureText", () => {
  it.each([
    ["Back-off restarting failed container app in pod web-1", "crashloopbackoff"],
    ["pod keeps restarting", "crashloopbackoff"],
    ["Error acquiring the state lock ConditionalCheckFailedException", "terraform_state_lock"],
    ["java.lang.OutOfMemoryError: Java heap space", "jvm_oom"],
    ["Last State: Terminated Reason: OOMKilled exit code 137", "oomkilled"],
    ["x509: certificate signed by unknown authority", "tls_certificate"],
    ['pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource', "rbac_forbidden"],
    ["dial tcp: lookup db on 10.96.0.10:53: no such host", "dns_resolution"],
    ["Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", "helm_release"],
    ["0/3 nodes are available: 3 Insufficient cpu", "failed_scheduling"],
    ["npm ERR! code ERESOLVE unable to resolve dependency tree", "dependency_resolution"],
  ])("%s → %s", (text, category) => {
    expect(classifyFailureText(text)).toBe(category);
  });

  it("returns null when nothing matches", () => {
    expect(classifyFailureText("the weather is nice")).toBeNull();
  });

  it("only returns known categories", () => {
    expect(isFailureCategory("oomkilled")).toBe(true);
    expect(isFailureCategory("banana")).toBe(false);
    expect(FAILURE_CATEGORIES).toContain("other");
  });
});
