import { describe, expect, it } from "vitest";
import { commandTargetFrom } from "./command-target";
import { fixCommandsFor } from "./commands";

describe("commandTargetFrom", () => {
  it("reads names the log states", () => {
    const log = [
      'Warning  Failed  kubelet  Failed to pull image "ghcr.io/acme/api:1.2.3": manifest unknown',
      "Back-off restarting failed container api in pod api-7d9f8b6c5-x2x9z_payments(0c1d)",
      'Warning FailedMount pod/api-7d9f8b6c5-x2x9z persistentvolumeclaim "data-api-0" not found',
      "error: deployment.apps/api exceeded its progress deadline",
      '  File "/app/server.py", line 42, in handler',
      "Successfully assigned payments/api-7d9f8b6c5-x2x9z to node/ip-10-0-1-7.ec2.internal",
    ].join("\n");
    expect(commandTargetFrom({ log })).toEqual({
      namespace: "payments",
      podName: "api-7d9f8b6c5-x2x9z",
      workload: { kind: "deployment", name: "api" },
      deployment: "api",
      container: "api",
      image: "ghcr.io/acme/api:1.2.3",
      pvc: "data-api-0",
      node: "ip-10-0-1-7.ec2.internal",
      lockId: undefined,
      file: "/app/server.py",
      line: "42",
    });
  });

  it("prefers request fields and live facts over the log", () => {
    const t = commandTargetFrom({
      namespace: "shop",
      log: "Back-off restarting failed container web in pod web-1_other(0)",
      facts: {
        pod: "web-0",
        namespace: "shop",
        node: "n1",
        workload: { kind: "statefulset", name: "web" },
        containers: [{ name: "app", image: "web:2" }],
        claims: ["data-web-0"],
      },
    });
    expect(t).toMatchObject({ namespace: "shop", podName: "web-0", container: "app", pvc: "data-web-0" });
  });

  it("fills commands and keeps placeholders only for unknowns", () => {
    const withImage = fixCommandsFor("imagepullbackoff", { namespace: "a", podName: "p", image: "x/y:1" });
    expect(withImage.map((c) => c.command)).toContain("docker manifest inspect x/y:1");
    const unknown = fixCommandsFor("terraform_state_lock", {});
    expect(unknown.map((c) => c.command)).toContain('terraform force-unlock "$LOCK_ID"');
    // The blame command needs a file; without one it is left out rather than shown as "$FILE".
    expect(fixCommandsFor("application_exception", {}).some((c) => c.command.includes("git log"))).toBe(
      false,
    );
    expect(
      fixCommandsFor("application_exception", { file: "app.py", line: "7" }).map((c) => c.command),
    ).toContain("git log -n 5 --format='%h %an %ar %s' -L 7,+1:app.py");
  });

  it("quotes hostile values", () => {
    const [cmd] = fixCommandsFor("terraform_state_lock", { lockId: "x; rm -rf /" }).slice(1);
    expect(cmd.command).toBe("terraform force-unlock 'x; rm -rf /'");
  });
});
