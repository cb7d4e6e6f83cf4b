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
}

/**
 * Commands that delete, evict, roll back or force state are flagged so the UI
 * can require confirmation. The classifier errs on the side of flagging.
 * Plain JS regexes are fine here: inputs are single short commands and every
 * pattern is a literal alternation without nested quantifiers.
 */
const DESTRUCTIVE: RegExp[] = [
  /\bkubectl\b.*\s(delete|drain|replace\s+.*--force|replace\s+--force)\b/,
  /\bkubectl\b.*\s(apply|replace)\b.*\s--force\b/,
  /\bkubectl\b.*\s--prune\b/,
  /\bkubectl\b.*\staint\b.*NoExecute/,
  /\bkubectl\b.*\s(rollout\s+undo)\b/,
  /\bkubectl\b.*\spatch\b.*finalizers/,
  /\bscale\b.*--replicas(=|\s+)0\b/,
  /\bterraform\b.*\s(destroy|force-unlock|taint)\b/,
  /\bterraform\b.*\sapply\b.*-destroy\b/,
  /\bterraform\b.*\sstate\s+(rm|push|replace-provider)\b/,
  /\bhelm\b.*\s(rollback|uninstall|delete)\b/,
  /\bhelm\b.*\supgrade\b.*--force\b/,
  /\bargocd\b.*\sapp\s+(delete|rollback|terminate-op)\b/,
  /\bargocd\b.*\sapp\s+sync\b.*--(prune|force|replace)\b/,
  /\brm\s+(-[a-zA-Z]*[rf][a-zA-Z]*\s+)+/,
  /\bdocker\b.*\s(rm|rmi)\s+.*-f\b|\bdocker\b.*\ssystem\s+prune\b|\bdocker\b.*\svolume\s+(rm|prune)\b/,
  /\bgit\b.*\spush\b.*(--force|-f\b)/,
  /\b(drop\s+(table|database)|truncate\s+table)\b/i,
];

export function isDestructiveCommand(command: string): boolean {
  const normalized = ` ${command.replace(/\s+/g, " ")}`;
  return DESTRUCTIVE.some((re) => re.test(normalized));
}

export function renderCommand(template: string, target: CommandTarget): string {
  const ns = target.namespace ? shellQuote(target.namespace) : '"$NAMESPACE"';
  const pod = target.podName ? shellQuote(target.podName) : '"$POD"';
  const owner = target.podName ? workloadFromPod(target.podName) : null;
  const workload = owner ? shellQuote(`${owner.kind}/${owner.name}`) : '"$WORKLOAD"';
  // ns_raw is for embedding inside an already double-quoted word; DNS-1123
  // validation upstream guarantees it has no shell metacharacters, and it is
  // re-checked here so a caller skipping validation cannot inject.
  const nsRaw = target.namespace && /^[a-z0-9-]+$/.test(target.namespace) ? target.namespace : "$NAMESPACE";
  return template
    .replaceAll("{{ns_raw}}", nsRaw)
    .replaceAll("{{ns}}", ns)
    .replaceAll("{{pod}}", pod)
    .replaceAll("{{workload}}", workload);
}

export function fixCommandsFor(category: Category, target: CommandTarget): FixCommand[] {
  return COMMAND_TEMPLATES[category].map((t) => {
    const command = renderCommand(t.template, target);
    return { command, description: t.description, destructive: isDestructiveCommand(command) };
  });
}
