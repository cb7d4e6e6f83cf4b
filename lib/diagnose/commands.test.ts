import { describe, expect, it } from "vitest";
import { CATEGORY_IDS } from "./categories";
import { fixCommandsFor, isDestructiveCommand, renderCommand } from "./commands";
import { shellQuote, workloadFromPod } from "./shell";

describe("isDestructiveCommand", () => {
  it.each([
    "kubectl delete pod api-0 -n prod",
    "kubectl delete pods -n prod --field-selector=status.phase=Failed",
    "kubectl drain node-1 --ignore-daemonsets",
    "kubectl scale deployment/api --replicas=0 -n prod",
    "kubectl scale deployment/api --replicas 0",
    "kubectl rollout undo deployment/api -n prod",
    "kubectl replace --force -f pod.yaml",
    "kubectl apply -f x.yaml --prune -l app=x",
    'kubectl patch pvc data -p \'{"metadata":{"finalizers":null}}\'',
    "terraform force-unlock 1234",
    "terraform destroy -auto-approve",
    "terraform apply -destroy",
    "terraform state rm aws_instance.x",
    "helm rollback api 3 -n prod",
    "helm uninstall api -n prod",
    "argocd app delete web",
    "argocd app sync web --prune",
    "rm -rf /var/lib/data",
    "sudo rm -r ./cache",
    "docker system prune -a",
    "git push --force origin main",
  ])("flags %s", (cmd) => expect(isDestructiveCommand(cmd)).toBe(true));

  it.each([
    "kubectl get pods -n prod",
    "kubectl describe pod api-0 -n prod",
    "kubectl logs api-0 --previous",
    "kubectl scale deployment/api --replicas=3",
    "kubectl rollout history deployment/api",
    "kubectl auth can-i --list",
    "terraform plan -lock-timeout=5m",
    "helm history api -n prod",
    "argocd app diff web",
    "argocd app sync web --dry-run",
    "grep -rf patterns.txt logs/",
  ])("does not flag %s", (cmd) => expect(isDestructiveCommand(cmd)).toBe(false));
});

describe("shellQuote", () => {
  it("leaves safe words alone and single-quotes everything else", () => {
    expect(shellQuote("api-0")).toBe("api-0");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("x; rm -rf /")).toBe("'x; rm -rf /'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("$(id)")).toBe("'$(id)'");
    expect(shellQuote("")).toBe("''");
  });
});

describe("workloadFromPod", () => {
  it("derives Deployment and StatefulSet names", () => {
    expect(workloadFromPod("checkout-6f7c9d8b5-2kq8w")).toEqual({ kind: "deployment", name: "checkout" });
    expect(workloadFromPod("postgres-0")).toEqual({ kind: "statefulset", name: "postgres" });
    expect(workloadFromPod("standalone")).toBeNull();
  });
});

describe("fix commands", () => {
  it("fills namespace, pod and workload", () => {
    const cmds = fixCommandsFor("crashloopbackoff", {
      namespace: "shop",
      podName: "checkout-6f7c9d8b5-2kq8w",
    });
    expect(cmds[0].command).toBe("kubectl logs checkout-6f7c9d8b5-2kq8w -n shop --previous --tail=200");
    expect(cmds.find((c) => c.command.includes("rollout undo"))).toMatchObject({
      command: "kubectl rollout undo deployment/checkout -n shop",
      destructive: true,
    });
  });

  it("uses shell variables when namespace/pod are unknown", () => {
    expect(renderCommand("kubectl describe pod {{pod}} -n {{ns}}", {})).toBe(
      'kubectl describe pod "$POD" -n "$NAMESPACE"',
    );
  });

  it("quotes hostile values so they cannot break out of the argument", () => {
    const cmd = renderCommand("kubectl logs {{pod}} -n {{ns}}", { namespace: "a;b", podName: "p$(x)" });
    expect(cmd).toBe("kubectl logs 'p$(x)' -n 'a;b'");
    const raw = renderCommand('--as="sa:{{ns_raw}}:x"', { namespace: 'a"; id; "' });
    expect(raw).toBe('--as="sa:$NAMESPACE:x"');
  });

  it("offers at least two commands for every category, each classified", () => {
    for (const c of CATEGORY_IDS) {
      const cmds = fixCommandsFor(c, { namespace: "ns", podName: "p-0" });
      expect(cmds.length, c).toBeGreaterThanOrEqual(2);
      for (const cmd of cmds) expect(cmd.destructive).toBe(isDestructiveCommand(cmd.command));
    }
    expect(fixCommandsFor("terraform_state_lock", {}).some((c) => c.destructive)).toBe(true);
    expect(
      fixCommandsFor("helm_release", {}).find((c) => c.command.startsWith("helm rollback"))?.destructive,
    ).toBe(true);
  });
});
