import type { DiagnoseRequest } from "@/lib/diagnose/schema";
import { forbidden } from "./errors";
import type { Principal } from "./principal";
import { hasScope } from "./scopes";

/**
 * `include_cluster_health` makes the diagnosis read live pod data from Kubernetes,
 * which is what `cluster:read` guards: a diagnose-only token (e.g. an alert hook)
 * must not reach it. Refused with 403 rather than silently dropped, so the caller
 * learns which scope its token is missing. `namespace`/`pod_name` alone only label
 * the suggested commands and read nothing from the cluster.
 */
export function assertDiagnoseClusterAccess(principal: Principal, input: DiagnoseRequest): void {
  if (!input.include_cluster_health || hasScope(principal.scopes, "cluster:read")) return;
  throw forbidden("include_cluster_health reads live pod data and needs the cluster:read scope", {
    fields: [{ field: "include_cluster_health", message: "requires scope cluster:read" }],
    required_scope: "cluster:read",
  });
}
