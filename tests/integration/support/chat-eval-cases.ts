import type { ChatToolName } from "@/lib/chat/types";

/**
 * Scripted chat conversations over the demo org (prisma/seed/demo-org) and the
 * fake cluster (chat-fake-cluster.ts), with what each turn must call and say.
 * Facts are checked case-insensitively against the answer text; they come from
 * the seed files and the fake cluster, not from the answers.
 */
export interface EvalTurn {
  say: string;
  /** Tool names called, in order. */
  tools: ChatToolName[];
  /** Subsets of those calls' inputs, same order (omit or leave {} where any input is fine). */
  inputs?: Record<string, unknown>[];
  /** Category the diagnoseError tool must return. */
  category?: string;
  /** Facts the answer text must state. */
  facts: string[];
  /** Text the answer must not contain. */
  absent?: string[];
}

export interface EvalConversation {
  id: string;
  kind: "entity" | "error" | "cluster" | "follow-up";
  turns: EvalTurn[];
}

const entity = (ref: string) => ({ ref });

export const CHAT_EVAL: EvalConversation[] = [
  // ── Entity questions ────────────────────────────────────────────────────────
  {
    id: "owner-and-apis-two-part",
    kind: "entity",
    turns: [
      {
        say: "Who owns the accounts service and what APIs does it provide?",
        tools: ["getEntity"],
        inputs: [entity("component:default/accounts-service")],
        facts: ["Customer Accounts", "accounts@example.com", "accounts-v1"],
        absent: ["Nothing in the catalog matches"],
      },
    ],
  },
  {
    id: "owner-by-name",
    kind: "entity",
    turns: [
      {
        say: "who owns checkout-api?",
        tools: ["getEntity"],
        inputs: [entity("component:default/checkout-api")],
        facts: ["owned by [Payments]", "payments@example.com"],
      },
    ],
  },
  {
    id: "consumed-apis-by-title",
    kind: "entity",
    turns: [
      {
        say: "What APIs does the Checkout API consume?",
        tools: ["getEntity"],
        inputs: [entity("component:default/checkout-api")],
        facts: ["consumes 4 APIs", "payments-v1", "cart-v1", "rates-v1", "auth-v1"],
      },
    ],
  },
  {
    id: "owner-which-team-title-words",
    kind: "entity",
    turns: [
      {
        say: "which team owns the payment gateway",
        tools: ["getEntity"],
        inputs: [entity("component:default/payment-gateway")],
        facts: ["Payment Gateway", "owned by [Payments]"],
      },
    ],
  },
  {
    id: "dependencies",
    kind: "entity",
    turns: [
      {
        say: "what does ledger-worker depend on?",
        tools: ["getEntity"],
        inputs: [entity("component:default/ledger-worker")],
        facts: ["ledger-db", "payment-events"],
      },
    ],
  },
  {
    id: "dependents-of-a-resource",
    kind: "entity",
    turns: [
      {
        say: "Who depends on the accounts database?",
        tools: ["getEntity"],
        inputs: [entity("resource:default/accounts-db")],
        facts: ["accounts-service"],
      },
    ],
  },
  {
    id: "consumers-of-an-api",
    kind: "entity",
    turns: [
      {
        say: "who consumes the Accounts API v1?",
        tools: ["getEntity"],
        inputs: [entity("api:default/accounts-v1")],
        facts: ["shipments-service", "fraud-scoring", "storefront-web", "notifications-service"],
      },
    ],
  },
  {
    id: "on-call-links",
    kind: "entity",
    turns: [
      {
        say: "who is on call for checkout api?",
        tools: ["getEntity"],
        inputs: [entity("component:default/checkout-api")],
        facts: ["On-call channel", "Runbook", "Payments"],
      },
    ],
  },
  {
    id: "links",
    kind: "entity",
    turns: [
      {
        say: "links for storefront-web",
        tools: ["getEntity"],
        inputs: [entity("component:default/storefront-web")],
        facts: ["Production site", "Web vitals dashboard"],
      },
    ],
  },
  {
    id: "describe-by-title",
    kind: "entity",
    turns: [
      {
        say: "tell me about the fraud scoring service",
        tools: ["getEntity"],
        inputs: [entity("component:default/fraud-scoring")],
        facts: ["Fraud Scoring", "[payments](/catalog/system/default/payments)", "owned by [Payments]"],
      },
    ],
  },
  {
    id: "provided-apis-plural",
    kind: "entity",
    turns: [
      {
        say: "What APIs does the shipments service provide?",
        tools: ["getEntity"],
        inputs: [entity("component:default/shipments-service")],
        facts: ["provides 2 APIs", "shipments-v1", "shipment-events"],
      },
    ],
  },
  {
    id: "maintainer-of-title-only-name",
    kind: "entity",
    turns: [
      {
        say: "Who maintains Track and Trace?",
        tools: ["getEntity"],
        inputs: [entity("component:default/tracking-web")],
        facts: ["Track and Trace", "owned by [Tracking]"],
      },
    ],
  },
  {
    id: "owner-with-typo",
    kind: "entity",
    turns: [
      {
        say: "who owns the acounts service",
        tools: ["getEntity"],
        inputs: [entity("component:default/accounts-service")],
        facts: ["Customer Accounts"],
      },
    ],
  },
  {
    id: "consumes-without-the-word-api",
    kind: "entity",
    turns: [
      {
        say: "what does the rate quote service consume?",
        tools: ["getEntity"],
        inputs: [entity("component:default/rate-quote-service")],
        facts: ["carrier-gateway-v1"],
      },
    ],
  },
  {
    id: "owner-and-on-call",
    kind: "entity",
    turns: [
      {
        say: "Who owns the cart service and who should I contact?",
        tools: ["getEntity"],
        inputs: [entity("component:default/cart-service")],
        facts: ["owned by [Storefront]", "storefront@example.com"],
      },
    ],
  },
  {
    id: "catalog-search",
    kind: "entity",
    turns: [
      { say: "find tracking", tools: ["findEntities"], inputs: [{ query: "tracking" }], facts: ["Tracking"] },
    ],
  },
  {
    id: "unknown-entity",
    kind: "entity",
    turns: [
      {
        say: "who owns the zebra-quux-frobnicator?",
        tools: ["findEntities"],
        facts: ['Nothing in the catalog matches "zebra-quux-frobnicator"'],
      },
    ],
  },
  // ── Pasted errors and logs ──────────────────────────────────────────────────
  {
    id: "kubelet-oomkilled-event",
    kind: "error",
    turns: [
      {
        say: "Warning  BackOff  2m (x14 over 9m)  kubelet  Back-off restarting failed container accounts in pod accounts-service-7d9f8b6c5-x2x9k_storefront(8c0e5e1a-1f0a-4c55-9a6e-2d3b1e0f9a11) (OOMKilled, exit code 137)",
        tools: ["diagnoseError", "getPodDetails"],
        inputs: [{}, { namespace: "storefront", name: "accounts-service-7d9f8b6c5-x2x9k" }],
        category: "oomkilled",
        facts: ["OOM", "memory limit", "storefront/accounts-service-7d9f8b6c5-x2x9k", "14 restarts"],
      },
    ],
  },
  {
    id: "econnrefused-line",
    kind: "error",
    turns: [
      {
        say: "Error: connect ECONNREFUSED 10.0.0.12:5432",
        tools: ["diagnoseError"],
        category: "connection_refused",
        facts: ["Likely cause", "ECONNREFUSED"],
      },
    ],
  },
  {
    id: "jvm-heap",
    kind: "error",
    turns: [
      {
        say: 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.util.Arrays.copyOf(Arrays.java:3236)\n\tat com.larkspur.ledger.Worker.run(Worker.java:88)',
        tools: ["diagnoseError"],
        category: "jvm_oom",
        facts: ["heap"],
      },
    ],
  },
  {
    id: "python-import",
    kind: "error",
    turns: [
      {
        say: "Traceback (most recent call last):\n  File \"/app/main.py\", line 3, in <module>\n    import requests\nModuleNotFoundError: No module named 'requests'",
        tools: ["diagnoseError"],
        category: "dependency_resolution",
        facts: ["Likely cause"],
      },
    ],
  },
  {
    id: "terraform-lock",
    kind: "error",
    turns: [
      {
        say: "Error: Error acquiring the state lock\n\nError message: ConditionalCheckFailedException: The conditional request failed\nLock Info:\n  ID:        8a1c2f9e-3b7d-4e1a-9c2d-5f6e7a8b9c0d\n  Path:      larkspur-tfstate/payments/terraform.tfstate\n  Operation: OperationTypeApply",
        tools: ["diagnoseError"],
        category: "terraform_state_lock",
        facts: ["lock"],
      },
    ],
  },
  {
    id: "image-pull-with-pod-and-namespace",
    kind: "error",
    turns: [
      {
        say: 'Events:\n  Warning  Failed  12s  kubelet  Failed to pull image "registry.example.com/cart:1.4.2": rpc error: code = NotFound desc = manifest unknown\n  Warning  Failed  12s  kubelet  Error: ErrImagePull\n$ kubectl get pod/cart-service-5c9d7-qwert -n storefront',
        tools: ["diagnoseError", "getPodDetails"],
        inputs: [{}, { namespace: "storefront", name: "cart-service-5c9d7-qwert" }],
        category: "imagepullbackoff",
        facts: ["ImagePullBackOff", "storefront/cart-service-5c9d7-qwert"],
      },
    ],
  },
  {
    id: "tls-expired",
    kind: "error",
    turns: [
      {
        say: 'Get "https://payments.internal/health": x509: certificate has expired or is not yet valid: current time 2026-12-03T10:00:00Z is after 2026-11-30T23:59:59Z',
        tools: ["diagnoseError"],
        category: "tls_certificate",
        facts: ["certificate"],
      },
    ],
  },
  {
    id: "question-then-dns-paste",
    kind: "error",
    turns: [
      {
        say: "why does this fail?\nError: getaddrinfo ENOTFOUND payments-db.internal",
        tools: ["diagnoseError"],
        category: "dns_resolution",
        facts: ["Likely cause", "ENOTFOUND"],
      },
    ],
  },
  {
    id: "go-nil-panic",
    kind: "error",
    turns: [
      {
        say: "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:42 +0x1d",
        tools: ["diagnoseError"],
        category: "application_exception",
        facts: ["Likely cause", "nil pointer"],
      },
    ],
  },
  {
    id: "create-container-config-error",
    kind: "error",
    turns: [
      {
        say: 'Name:         accounts-service-7d9f8b6c5-x2x9k\nNamespace:    storefront\nStatus:       Pending\n    State:          Waiting\n      Reason:       CreateContainerConfigError\n  Warning  Failed  5s  kubelet  Error: configmap "accounts-config" not found',
        tools: ["diagnoseError", "getPodDetails"],
        inputs: [{}, { namespace: "storefront", name: "accounts-service-7d9f8b6c5-x2x9k" }],
        category: "create_container_config_error",
        facts: ["accounts-config"],
      },
    ],
  },
  // ── Cluster questions ───────────────────────────────────────────────────────
  {
    id: "cluster-health",
    kind: "cluster",
    turns: [
      {
        say: "is the cluster healthy?",
        tools: ["getClusterHealth"],
        inputs: [{}],
        facts: ["3/3 nodes ready", "3 problems detected"],
      },
    ],
  },
  {
    id: "whats-broken-in-payments",
    kind: "cluster",
    turns: [
      {
        say: "what's broken in payments?",
        tools: ["getClusterHealth"],
        inputs: [{ namespace: "payments" }],
        facts: ["CrashLoopBackOff", "payment-gateway-6f7c9-abcde"],
        absent: ["OOMKilled"],
      },
    ],
  },
  {
    id: "healthy-namespace",
    kind: "cluster",
    turns: [
      {
        say: "any problems in the tracking namespace",
        tools: ["getClusterHealth"],
        inputs: [{ namespace: "tracking" }],
        facts: ["no problems detected"],
      },
    ],
  },
  {
    id: "pod-details",
    kind: "cluster",
    turns: [
      {
        say: "show pod payments/payment-gateway-6f7c9-abcde",
        tools: ["getPodDetails"],
        inputs: [{ namespace: "payments", name: "payment-gateway-6f7c9-abcde" }],
        facts: ["12 restarts", "CrashLoopBackOff"],
      },
    ],
  },
  {
    id: "pods-in-namespace",
    kind: "cluster",
    turns: [
      {
        say: "pods in namespace storefront",
        tools: ["getClusterHealth"],
        inputs: [{ namespace: "storefront" }],
        facts: ["OOMKilled", "ImagePullBackOff"],
      },
    ],
  },
  {
    id: "crashing-in-namespace",
    kind: "cluster",
    turns: [
      {
        say: "why are pods crashing in the payments namespace",
        tools: ["getClusterHealth"],
        inputs: [{ namespace: "payments" }],
        facts: ["CrashLoopBackOff"],
      },
    ],
  },
  {
    id: "runbook-request",
    kind: "cluster",
    turns: [
      {
        say: "runbook for CrashLoopBackOff",
        tools: ["searchRunbooks"],
        facts: ["/runbooks/crashloopbackoff"],
      },
    ],
  },
  // ── Follow-ups ──────────────────────────────────────────────────────────────
  {
    id: "follow-up-apis-of-it",
    kind: "follow-up",
    turns: [
      {
        say: "who owns the accounts service?",
        tools: ["getEntity"],
        inputs: [entity("component:default/accounts-service")],
        facts: ["Customer Accounts"],
      },
      {
        say: "and what APIs does it provide?",
        tools: ["getEntity"],
        inputs: [entity("component:default/accounts-service")],
        facts: ["accounts-v1"],
      },
    ],
  },
  {
    id: "follow-up-on-call-for-it",
    kind: "follow-up",
    turns: [
      {
        say: "tell me about checkout-api",
        tools: ["getEntity"],
        inputs: [entity("component:default/checkout-api")],
        facts: ["Checkout API"],
      },
      {
        say: "who is on call for it?",
        tools: ["getEntity"],
        inputs: [entity("component:default/checkout-api")],
        facts: ["On-call channel"],
      },
    ],
  },
  {
    id: "follow-up-same-question-other-entity",
    kind: "follow-up",
    turns: [
      {
        say: "what APIs does the cart service provide?",
        tools: ["getEntity"],
        inputs: [entity("component:default/cart-service")],
        facts: ["cart-v1"],
      },
      {
        say: "what about the search service?",
        tools: ["getEntity"],
        inputs: [entity("component:default/search-service")],
        facts: ["search-v1"],
      },
    ],
  },
  {
    id: "follow-up-dependencies",
    kind: "follow-up",
    turns: [
      {
        say: "which team owns the payment gateway?",
        tools: ["getEntity"],
        inputs: [entity("component:default/payment-gateway")],
        facts: ["Payments"],
      },
      {
        say: "and its dependencies?",
        tools: ["getEntity"],
        inputs: [entity("component:default/payment-gateway")],
        facts: ["payments-db", "fraud-scoring-grpc"],
      },
    ],
  },
  {
    id: "follow-up-pod-then-namespace",
    kind: "follow-up",
    turns: [
      {
        say: "show pod payments/payment-gateway-6f7c9-abcde",
        tools: ["getPodDetails"],
        facts: ["CrashLoopBackOff"],
      },
      {
        say: "what else is broken in payments?",
        tools: ["getClusterHealth"],
        inputs: [{ namespace: "payments" }],
        facts: ["1 problem detected"],
      },
    ],
  },
  {
    id: "follow-up-paste-then-owner",
    kind: "follow-up",
    turns: [
      {
        say: "Back-off restarting failed container accounts in pod accounts-service-7d9f8b6c5-x2x9k_storefront(8c0e5e1a-1f0a) (OOMKilled, exit code 137)",
        tools: ["diagnoseError", "getPodDetails"],
        category: "oomkilled",
        facts: ["OOM"],
      },
      {
        say: "who owns the accounts service?",
        tools: ["getEntity"],
        inputs: [entity("component:default/accounts-service")],
        facts: ["Customer Accounts"],
      },
    ],
  },
];
