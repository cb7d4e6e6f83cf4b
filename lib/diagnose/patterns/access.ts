import type { LogPattern } from "./types";

// Authorisation failures against the Kubernetes API.
export const accessPatterns: LogPattern[] = [
  {
    id: "k8s.rbac.forbidden-user",
    category: "rbac_forbidden",
    severity: "high",
    regex: String.raw`(?i)(?:is forbidden: User \\?"[^"\\]*\\?" cannot|cannot (?:get|list|watch|create|update|patch|delete|deletecollection|impersonate|escalate|bind) resource \\?"[^"\\]+\\?" in API group)`,
    explanation:
      "The caller's (service) account lacks a Role/ClusterRole binding for this verb and resource.",
    examples: {
      positive: [
        `Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods" in API group "" in the namespace "prod"`,
        `secrets "tls" is forbidden: User "jane@example.com" cannot get resource "secrets" in API group "" in the namespace "default"`,
        `{"error":"deployments.apps is forbidden: User \\"system:serviceaccount:ops:op\\" cannot list resource \\"deployments\\" in API group \\"apps\\""}`,
      ],
      negative: ["User jane@example.com logged in", "rolebinding.rbac.authorization.k8s.io/deployer created"],
    },
  },
  {
    id: "k8s.rbac.forbidden-status",
    category: "rbac_forbidden",
    severity: "high",
    regex: String.raw`(?:Error from server \(Forbidden\)|"reason":\s*"Forbidden"|(?i)\bRBAC: access denied\b)`,
    explanation: "The API server answered 403 Forbidden.",
    examples: {
      positive: [
        `Error from server (Forbidden): deployments.apps "api" is forbidden`,
        `{"kind":"Status","status":"Failure","reason":"Forbidden","code":403}`,
      ],
      negative: [`Error from server (NotFound): deployments.apps "api" not found`],
    },
  },
];
