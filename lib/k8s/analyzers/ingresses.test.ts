import type { V1Ingress, V1Service } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { analyzeIngresses } from "./ingresses";

const ing = (backends: string[]): V1Ingress => ({
  metadata: { name: "shop", namespace: "ns" },
  spec: {
    rules: backends.length
      ? [
          {
            host: "x",
            http: {
              paths: backends.map((name) => ({
                path: "/",
                pathType: "Prefix",
                backend: { service: { name } },
              })),
            },
          },
        ]
      : [],
  },
});
const svc = (name: string, namespace = "ns"): V1Service => ({ metadata: { name, namespace } });

describe("analyzeIngresses", () => {
  it("is quiet when every backend service exists", () => {
    expect(analyzeIngresses([ing(["web", "api"])], [svc("web"), svc("api")])).toEqual([]);
  });
  it("reports backends whose service is missing in the ingress namespace", () => {
    const problems = analyzeIngresses([ing(["web", "api"])], [svc("web"), svc("api", "other")]);
    expect(problems).toEqual([
      expect.objectContaining({ reason: "BackendServiceMissing", message: expect.stringContaining("api") }),
    ]);
  });
  it("reports ingresses without any backend", () => {
    expect(analyzeIngresses([ing([])], [])[0].reason).toBe("NoBackends");
  });
});
