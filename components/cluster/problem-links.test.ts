import { describe, expect, it } from "vitest";
import type { Problem } from "@/lib/k8s/types";
import { diagnoseHref, runbooksHref } from "./problem-links";

const pod: Problem = {
  kind: "Pod",
  namespace: "shop",
  name: "checkout-abc",
  severity: "critical",
  reason: "CrashLoopBackOff",
  message: "back-off 5m0s restarting failed container=app & more",
  hint: "",
};

describe("problem links", () => {
  it("passes reason+message, namespace and pod to diagnose, url-encoded", () => {
    const url = new URL(diagnoseHref(pod), "http://x");
    expect(url.pathname).toBe("/diagnose");
    expect(url.searchParams.get("error")).toBe(
      "CrashLoopBackOff: back-off 5m0s restarting failed container=app & more",
    );
    expect(url.searchParams.get("namespace")).toBe("shop");
    expect(url.searchParams.get("pod")).toBe("checkout-abc");
  });
  it("omits pod for other kinds and namespace for cluster-scoped ones", () => {
    const url = new URL(diagnoseHref({ ...pod, kind: "Node", namespace: null, name: "n1" }), "http://x");
    expect(url.searchParams.has("pod")).toBe(false);
    expect(url.searchParams.has("namespace")).toBe(false);
  });
  it("searches runbooks by reason", () => {
    expect(runbooksHref(pod)).toBe("/runbooks?q=CrashLoopBackOff");
  });
});
