import { resetServerConfigForTests } from "@/lib/config/server-config";
import { resetKubeServiceForTests } from "@/lib/k8s/service";
import { resetRunbookServiceForTests } from "@/lib/runbooks/service-instance";

/**
 * Sets exactly `keys` from `env` (a missing value unsets the variable) and
 * drops the process-wide config, runbook and Kubernetes singletons so route
 * handlers see the new environment.
 */
export function configureServices<K extends string>(
  keys: readonly K[],
  env: Partial<Record<K, string | undefined>>,
): void {
  for (const k of keys) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  resetServerConfigForTests();
  resetRunbookServiceForTests();
  resetKubeServiceForTests();
}
