import type { ChatToolDeps } from "@/lib/chat/tools";
import type { ClusterHealthOutput, ClusterProblem, PodDetailsOutput } from "@/lib/chat/types";

/**
 * A small, fixed cluster for chat tests: payments has a crash-looping
 * gateway, storefront an OOM-killed accounts pod and a cart image that does
 * not pull, tracking is healthy. Shapes are the chat tools' outputs.
 */
const PROBLEMS: ClusterProblem[] = [
  {
    kind: "Pod",
    namespace: "payments",
    name: "payment-gateway-6f7c9-abcde",
    severity: "critical",
    reason: "CrashLoopBackOff",
    message: "container gateway restarted 12 times: back-off 5m0s restarting failed container",
    hint: "Check the previous container logs.",
  },
  {
    kind: "Pod",
    namespace: "storefront",
    name: "accounts-service-7d9f8b6c5-x2x9k",
    severity: "critical",
    reason: "OOMKilled",
    message: "container accounts was OOMKilled (exit code 137), limit 256Mi",
    hint: "Raise the memory limit or fix the leak.",
  },
  {
    kind: "Deployment",
    namespace: "storefront",
    name: "cart-service",
    severity: "high",
    reason: "ImagePullBackOff",
    message: 'image "registry.example.com/cart:1.4.2" not found',
    hint: "Check the image tag.",
  },
];

const PODS: PodDetailsOutput[] = [
  {
    found: true,
    namespace: "payments",
    name: "payment-gateway-6f7c9-abcde",
    message: null,
    phase: "Running",
    node: "node-2",
    containers: [
      { name: "gateway", ready: false, state: "waiting", reason: "CrashLoopBackOff", restarts: 12 },
    ],
    events: [
      {
        type: "Warning",
        reason: "BackOff",
        message: "Back-off restarting failed container",
        count: 40,
        lastSeen: null,
      },
    ],
    problems: [PROBLEMS[0]],
  },
  {
    found: true,
    namespace: "storefront",
    name: "accounts-service-7d9f8b6c5-x2x9k",
    message: null,
    phase: "Running",
    node: "node-1",
    containers: [
      { name: "accounts", ready: false, state: "waiting", reason: "CrashLoopBackOff", restarts: 14 },
    ],
    events: [],
    problems: [PROBLEMS[1]],
  },
  {
    found: true,
    namespace: "storefront",
    name: "cart-service-5c9d7-qwert",
    message: null,
    phase: "Pending",
    node: "node-3",
    containers: [{ name: "cart", ready: false, state: "waiting", reason: "ImagePullBackOff", restarts: 0 }],
    events: [],
    problems: [PROBLEMS[2]],
  },
];

export const fakeClusterHealth: ChatToolDeps["clusterHealth"] = async (namespace) => {
  const problems = PROBLEMS.filter((p) => !namespace || p.namespace === namespace);
  return {
    connected: true,
    cluster: "kind-portico",
    generatedAt: "2026-12-03T12:00:00.000Z",
    nodes: { ready: 3, total: 3 },
    pods: { byPhase: { Running: 24, Pending: 1 }, restarting: namespace === "tracking" ? 0 : 2 },
    deployments: { available: namespace === "tracking" ? 4 : 11, total: namespace === "tracking" ? 4 : 13 },
    problems,
    moreProblems: 0,
  } satisfies ClusterHealthOutput;
};

export const fakePodDetails: ChatToolDeps["podDetails"] = async ({ namespace, name }) =>
  PODS.find((p) => p.namespace === namespace && p.name === name) ?? {
    found: false,
    namespace,
    name,
    message: "pod not found",
    phase: null,
    node: null,
    containers: [],
    events: [],
    problems: [],
  };
