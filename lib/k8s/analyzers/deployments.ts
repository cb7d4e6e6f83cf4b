import type { V1Deployment } from "@kubernetes/client-node";
import type { Problem } from "../types";
import { problem } from "./util";

export function analyzeDeployments(deployments: V1Deployment[]): Problem[] {
  const out: Problem[] = [];
  for (const d of deployments) {
    const ns = d.metadata?.namespace;
    const name = d.metadata?.name;
    const desired = d.spec?.replicas ?? 1;
    const available = d.status?.availableReplicas ?? 0;
    const progressing = d.status?.conditions?.find((c) => c.type === "Progressing");
    if (progressing?.status === "False" && progressing.reason === "ProgressDeadlineExceeded") {
      out.push(
        problem(
          "Deployment",
          ns,
          name,
          "high",
          "ProgressDeadlineExceeded",
          progressing.message ?? "The rollout did not make progress in time.",
          "Inspect the new ReplicaSet's pods for the failure; roll back with kubectl rollout undo if needed.",
        ),
      );
    } else if (desired > 0 && available < desired) {
      out.push(
        problem(
          "Deployment",
          ns,
          name,
          available === 0 ? "high" : "medium",
          "ReplicasUnavailable",
          `${available}/${desired} replicas available.`,
          "Look at the deployment's pods for crash, scheduling or image problems.",
        ),
      );
    }
  }
  return out;
}
