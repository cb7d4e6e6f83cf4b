import { describe, expect, it } from "vitest";
import { createKubeClients, detectKubeMode, kubeOptionsFromEnv } from "./client";

describe("kube client configuration", () => {
  it("prefers a kubeconfig that exists, then in-cluster, else none", () => {
    const exists = (p: string) => p === "/home/me/.kube/config";
    expect(detectKubeMode({ kubeconfigPath: "/home/me/.kube/config", inCluster: true }, exists)).toBe(
      "kubeconfig",
    );
    expect(detectKubeMode({ kubeconfigPath: "/missing", inCluster: true }, exists)).toBe("in-cluster");
    expect(detectKubeMode({}, exists)).toBe("none");
  });

  it("reads KUBECONFIG (first path) and the in-cluster service account from the environment", () => {
    const opts = kubeOptionsFromEnv(
      { KUBECONFIG: "/a:/b", KUBERNETES_SERVICE_HOST: "10.0.0.1", KUBE_TIMEOUT_MS: "1500" },
      () => true,
    );
    expect(opts).toEqual({ kubeconfigPath: "/a", inCluster: true, timeoutMs: 1500 });
    expect(kubeOptionsFromEnv({}, () => true)).toEqual({
      kubeconfigPath: undefined,
      inCluster: false,
      timeoutMs: undefined,
    });
  });

  it("returns null instead of throwing when nothing is configured or the kubeconfig is unusable", () => {
    expect(createKubeClients({})).toBeNull();
    expect(createKubeClients({ kubeconfigPath: "/definitely/not/here" })).toBeNull();
    expect(createKubeClients({ kubeconfigPath: "/etc/hostname" })).toBeNull();
  });
});
