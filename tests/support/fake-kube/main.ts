// Standalone fake API server, e.g. for Playwright:
//   npx tsx tests/support/fake-kube/main.ts --scenario broken --port 0 [--fault pods=forbidden] [--fault nodes=slow:3000]
// Prints {"url","kubeconfigPath","port","clusterName","scenario"} as one JSON line, then serves until SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { type Fault, startFakeKube } from "./server";

function parseFault(spec: string): [string, Fault] {
  const [resource, kind] = spec.split("=");
  if (!resource || !kind)
    throw new Error(
      `bad --fault ${spec}; expected <resource>=<forbidden|not-found|malformed|server-error|slow:ms>`,
    );
  if (kind.startsWith("slow:")) return [resource, { slowMs: Number(kind.slice(5)) }];
  if (!["forbidden", "not-found", "malformed", "server-error"].includes(kind))
    throw new Error(`unknown fault ${kind}`);
  return [resource, kind as Fault];
}

async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string", default: "healthy" },
      port: { type: "string", default: "0" },
      fault: { type: "string", multiple: true, default: [] },
      fixtures: { type: "string" },
    },
  });

  const kube = await startFakeKube({
    scenario: values.scenario,
    port: Number(values.port),
    fixturesDir: values.fixtures,
    faults: Object.fromEntries(values.fault.map(parseFault)),
  });
  process.stdout.write(
    `${JSON.stringify({ url: kube.url, kubeconfigPath: kube.kubeconfigPath, port: kube.port, clusterName: kube.clusterName, scenario: values.scenario })}\n`,
  );

  const shutdown = () => {
    kube.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
