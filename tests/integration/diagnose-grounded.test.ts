import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/diagnose/route";
import { diagnoseResponseSchema } from "@/lib/diagnose/schema";
import { setDiagnoseModelForTests } from "@/lib/diagnose/service";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";
import { configureServices } from "@/tests/support/service-env";

// Issue 15: the live pod state was fetched and then ignored ("my pod will not start" → other).
const ENV_KEYS = [
  "CHROMA_URL",
  "KUBECONFIG",
  "KUBERNETES_SERVICE_HOST",
  "GOOGLE_GENERATIVE_AI_API_KEY",
] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function configure(env: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  configureServices(ENV_KEYS, env);
}

async function diagnose(body: unknown) {
  const res = await POST(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  expect(res.status).toBe(200);
  return diagnoseResponseSchema.parse(await res.json());
}

let kube: FakeKube;

beforeAll(async () => {
  kube = await startFakeKube({ scenario: "broken" });
  configure({ KUBECONFIG: kube.kubeconfigPath });
  setDiagnoseModelForTests(null);
});

afterAll(async () => {
  setDiagnoseModelForTests(undefined);
  configure(savedEnv as Partial<Record<(typeof ENV_KEYS)[number], string>>);
  await kube?.stop();
});

describe("POST /api/diagnose grounded in the live pod", () => {
  it("decides the category from the pod's waiting reason and cites it", async () => {
    const body = await diagnose({
      error_message: "my pod will not start",
      namespace: "payments",
      pod_name: "ledger-dfedcfaele-m2vzr",
      include_cluster_health: true,
    });
    expect(body.degraded).not.toContain("kubernetes");
    expect(body.category).toBe("create_container_config_error");
    expect(["critical", "high"]).toContain(body.severity);
    expect(body.root_cause).toContain(
      'pod status: CreateContainerConfigError: secret "ledger-db-credentials" not found',
    );
    const live = body.classifications.find((c) => c.source === "cluster");
    expect(live).toMatchObject({ category: "create_container_config_error" });
    // Commands name the pod, namespace and the owning deployment, not placeholders.
    const commands = body.fix_commands.map((c) => c.command).join("\n");
    expect(commands).toContain("ledger-dfedcfaele-m2vzr");
    expect(commands).toContain("-n payments");
    expect(commands).not.toContain("$POD");
  });

  it("lets the live OOM kill outrank a vague log, and fills the container and workload", async () => {
    const body = await diagnose({
      error_message: "checkout requests time out sometimes",
      namespace: "payments",
      pod_name: "fraud-model-jdfdgccmel-x7kqp",
      include_cluster_health: true,
    });
    expect(body.category).toBe("oomkilled");
    expect(body.root_cause).toMatch(/OOMKilled \(exit code 137\)/);
    const commands = body.fix_commands.map((c) => c.command).join("\n");
    expect(commands).toContain("deployment/fraud-model");
    expect(commands).toContain("-c fraud-model");
  });

  it("without cluster context the same text stays unclassified", async () => {
    const body = await diagnose({ error_message: "my pod will not start", namespace: "payments" });
    expect(body.category).toBe("other");
  });
});

// A real `terraform plan` lock failure (S3 backend); its lock ID differs from the runbook's example.
const TF_LOCK_LOG = `Acquiring state lock. This may take a few moments...
╷
│ Error: Error acquiring the state lock
│
│ Error message: ConditionalCheckFailedException: The conditional request failed
│ Lock Info:
│   ID:        9d2e7b40-1a6c-4f0e-b3d2-5c8a7e61f903
│   Path:      acme-tfstate/payments/eu-west-1/terraform.tfstate
│   Operation: OperationTypePlan
│   Who:       deploy@build-agent-12
│   Version:   1.9.2
│   Created:   2026-02-27 08:41:55.511 +0000 UTC
│   Info:
│
│ Terraform acquires a state lock to protect the state from being written
│ by multiple users at the same time. Please resolve the issue above and try
│ again. For most commands, you can disable locking with the "-lock=false"
│ flag, but this is not recommended.
╵`;

describe("POST /api/diagnose: Terraform state lock", () => {
  it("unlocks the lock ID from the log and never quotes the runbook's example lock", async () => {
    const body = await diagnose({ error_message: TF_LOCK_LOG });
    expect(body.category).toBe("terraform_state_lock");
    const unlock = body.fix_commands.find((c) => c.command.includes("force-unlock"));
    expect(unlock).toMatchObject({
      command: "terraform force-unlock 9d2e7b40-1a6c-4f0e-b3d2-5c8a7e61f903",
      destructive: true,
    });
    expect(body.root_cause).toContain("9d2e7b40-1a6c-4f0e-b3d2-5c8a7e61f903");
    // The runbook's example lock (another ID, another bucket) is not the user's evidence.
    expect(body.root_cause).not.toContain("3f1c5a1e");
    expect(body.root_cause).not.toContain("my-tf-state");
    expect(body.runbooks[0]?.id).toBe("terraform-state-lock");
  });
});
