import type { CommandTarget } from "../commands";

/**
 * Fix/diagnostic command templates per category. Tokens: {{ns}}, {{pod}},
 * {{workload}} (e.g. `deployment/api`), {{container}}, {{c_flag}} (` -c name`
 * or nothing), {{image}}, {{pvc}}, {{node}}, {{node_expr}} (the node, or a
 * lookup of the pod's node), {{lock_id}}, {{file}}, {{line}}. Missing values become shell variables
 * ("$NAMESPACE") so commands stay valid shell rather than containing `<ns>`
 * placeholders that a shell would parse as redirections.
 */
export interface CommandTemplate {
  template: string;
  description: string;
  /** Only offered when this value is known (a placeholder-only command would be noise). */
  when?: keyof CommandTarget;
}

// Views several families share.
export const events = {
  template:
    "kubectl get events -n {{ns}} --field-selector involvedObject.name={{pod}} --sort-by=.lastTimestamp",
  description: "List the pod's recent events in order.",
};
export const describe = {
  template: "kubectl describe pod {{pod}} -n {{ns}}",
  description: "Show pod state, last termination reason and events.",
};
export const previousLogs = {
  template: "kubectl logs {{pod}} -n {{ns}}{{c_flag}} --previous --tail=200",
  description: "Read the logs of the last crashed container instance.",
};
