import type { TracingConfig } from "@/lib/config/server-config";
import type { RegisteredTracing } from "./register";
import { markTracingStarted } from "./started";

/**
 * Tracing is opt-in: without OTEL_EXPORTER_OTLP_ENDPOINT the SDK packages are never imported,
 * and the @opentelemetry/api calls in withRoute stay no-ops.
 */
export async function startTracingIfConfigured(
  config: TracingConfig | undefined,
): Promise<RegisteredTracing | undefined> {
  if (!config) return undefined;
  const { registerTracing } = await import("./register");
  const registered = registerTracing(config);
  markTracingStarted();
  return registered;
}
