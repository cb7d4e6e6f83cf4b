// On globalThis: instrumentation.ts and the route bundles may hold separate module instances.
const flag = globalThis as { __porticoTracingStarted?: boolean };

/** Whether an OpenTelemetry SDK was registered in this process (lib/tracing/start.ts). */
export function tracingStarted(): boolean {
  return flag.__porticoTracingStarted === true;
}

export function markTracingStarted(): void {
  flag.__porticoTracingStarted = true;
}
