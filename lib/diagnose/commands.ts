import { type LinearRegex, linearRegex } from "@/lib/text/linear-regex";
import type { Category } from "./categories";
import { COMMAND_TEMPLATES } from "./command-templates";
import { shellQuote, workloadFromPod } from "./shell";

export interface FixCommand {
  command: string;
  description: string;
  destructive: boolean;
}

export interface CommandTarget {
  namespace?: string;
  podName?: string;
  /** The pod's controller when known (live owner or a `deployment/x` in the log). */
  workload?: { kind: string; name: string };
  deployment?: string;
  container?: string;
  image?: string;
  pvc?: string;
  node?: string;
  lockId?: string;
  file?: string;
  line?: string;
}

/**
 * Commands that delete, evict, roll back or force state are flagged so the UI
 * can require confirmation. The classifier errs on the side of flagging.
 * The commands can carry model output (which echoes pasted logs), and
 * `\bkubectl\b.*\s…` backtracks quadratically on a long line repeating
 * "kubectl", so the patterns are RE2 (linear).
 */
export const DESTRUCTIVE_PATTERNS: readonly LinearRegex[] = [
  linearRegex(
    "destructive-command-0",
    /\bkubectl\b.*\s(delete|drain|replace\s+.*--force|replace\s+--force)\b/,
  ),
  linearRegex("destructive-command-1", /\bkubectl\b.*\s(apply|replace)\b.*\s--force\b/),
  linearRegex("destructive-command-2", /\bkubectl\b.*\s--prune\b/),
  linearRegex("destructive-command-3", /\bkubectl\b.*\staint\b.*NoExecute/),
  linearRegex("destructive-command-4", /\bkubectl\b.*\s(rollout\s+undo)\b/),
  linearRegex("destructive-command-5", /\bkubectl\b.*\spatch\b.*finalizers/),
  linearRegex("destructive-command-6", /\bscale\b.*--replicas(=|\s+)0\b/),
  linearRegex("destructive-command-7", /\bterraform\b.*\s(destroy|force-unlock|taint)\b/),
  linearRegex("destructive-command-8", /\bterraform\b.*\sapply\b.*-destroy\b/),
  linearRegex("destructive-command-9", /\bterraform\b.*\sstate\s+(rm|push|replace-provider)\b/),
  linearRegex("destructive-command-10", /\bhelm\b.*\s(rollback|uninstall|delete)\b/),
  linearRegex("destructive-command-11", /\bhelm\b.*\supgrade\b.*--force\b/),
  linearRegex("destructive-command-12", /\bargocd\b.*\sapp\s+(delete|rollback|terminate-op)\b/),
  linearRegex("destructive-command-13", /\bargocd\b.*\sapp\s+sync\b.*--(prune|force|replace)\b/),
  linearRegex("destructive-command-14", /\brm\s+(-[a-zA-Z]*[rf][a-zA-Z]*\s+)+/),
  linearRegex(
    "destructive-command-15",
    /\bdocker\b.*\s(rm|rmi)\s+.*-f\b|\bdocker\b.*\ssystem\s+prune\b|\bdocker\b.*\svolume\s+(rm|prune)\b/,
  ),
  linearRegex("destructive-command-16", /\bgit\b.*\spush\b.*(--force|-f\b)/),
  linearRegex("destructive-command-17", /\b(drop\s+(table|database)|truncate\s+table)\b/i),
];

export function isDestructiveCommand(command: string): boolean {
  const normalized = ` ${command.replace(/\s+/g, " ")}`;
  return DESTRUCTIVE_PATTERNS.some((re) => re.test(normalized));
}

export function renderCommand(template: string, target: CommandTarget): string {
  const ns = target.namespace ? shellQuote(target.namespace) : '"$NAMESPACE"';
  const pod = target.podName ? shellQuote(target.podName) : '"$POD"';
  const owner = target.workload ?? (target.podName ? workloadFromPod(target.podName) : null);
  const workload = owner ? shellQuote(`${owner.kind}/${owner.name}`) : '"$WORKLOAD"';
  const value = (v: string | undefined, unknown: string) => (v ? shellQuote(v) : `"$${unknown}"`);
  // ns_raw is for embedding inside an already double-quoted word; DNS-1123
  // validation upstream guarantees it has no shell metacharacters, and it is
  // re-checked here so a caller skipping validation cannot inject.
  const nsRaw = target.namespace && /^[a-z0-9-]+$/.test(target.namespace) ? target.namespace : "$NAMESPACE";
  const nodeExpr = target.node
    ? shellQuote(target.node)
    : "\"$(kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.nodeName}')\"";
  return template
    .replaceAll("{{node_expr}}", nodeExpr)
    .replaceAll("{{c_flag}}", target.container ? ` -c ${shellQuote(target.container)}` : "")
    .replaceAll("{{ns_raw}}", nsRaw)
    .replaceAll("{{ns}}", ns)
    .replaceAll("{{pod}}", pod)
    .replaceAll("{{workload}}", workload)
    .replaceAll("{{container}}", value(target.container, "CONTAINER"))
    .replaceAll("{{image}}", value(target.image, "IMAGE"))
    .replaceAll("{{pvc}}", value(target.pvc, "PVC"))
    .replaceAll("{{node}}", value(target.node, "NODE"))
    .replaceAll("{{lock_id}}", value(target.lockId, "LOCK_ID"))
    .replaceAll("{{file}}", value(target.file, "FILE"))
    .replaceAll("{{line}}", value(target.line, "LINE"));
}

export function fixCommandsFor(category: Category, target: CommandTarget): FixCommand[] {
  // A command that only makes sense with a concrete value (e.g. a file and line) is left out without it.
  return COMMAND_TEMPLATES[category]
    .filter((t) => !t.when || target[t.when])
    .map((t) => {
      const command = renderCommand(t.template, target);
      return { command, description: t.description, destructive: isDestructiveCommand(command) };
    });
}
