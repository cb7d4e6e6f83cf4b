import { resetServerConfigForTests } from "@/lib/config/server-config";
import { setDiagnoseModelForTests } from "@/lib/diagnose/service";
import { resetRunbookServiceForTests } from "@/lib/runbooks/service-instance";

const KEYS = [
  "DATABASE_URL",
  "CHROMA_URL",
  "KUBECONFIG",
  "KUBERNETES_SERVICE_HOST",
  "GOOGLE_GENERATIVE_AI_API_KEY",
  "PORTICO_AI_BASE_URL",
  "PORTICO_AI_MODEL",
  "PORTICO_AI_API_KEY",
] as const;
type Key = (typeof KEYS)[number];

/**
 * Points the exported routes at a local OpenAI-compatible server through the
 * environment, as an operator would, and forgets every per-process instance
 * built from the previous configuration. Returns a restore function.
 */
export function useLocalModelEnv(env: Partial<Record<Key, string>>): () => void {
  const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  const apply = (values: Partial<Record<Key, string | undefined>>) => {
    for (const k of KEYS) {
      if (values[k] === undefined) delete process.env[k];
      else process.env[k] = values[k];
    }
    resetServerConfigForTests();
    resetRunbookServiceForTests();
    setDiagnoseModelForTests(undefined);
    (globalThis as { __porticoChatDeps?: unknown }).__porticoChatDeps = undefined;
  };
  apply(env);
  return () => apply(saved);
}
