import { linearRegex } from "@/lib/text/linear-regex";

/**
 * POSIX shell quoting for values interpolated into suggested commands. The
 * values come from request input (namespace, pod name) so they are treated as
 * hostile even after schema validation.
 */
const SAFE_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;

export function shellQuote(value: string): string {
  if (value.length > 0 && SAFE_WORD.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Best-effort workload name from a pod name: Deployment pods carry two hash suffixes, StatefulSet pods an ordinal. */
// RE2: pod names reach here from requests and model output; the lazy prefix
// backtracks on long near-misses in a JS engine.
const DEPLOYMENT_POD = linearRegex(
  "pod-name-deployment",
  /^([a-z0-9][a-z0-9.-]*?)-[a-z0-9]{6,10}-[a-z0-9]{5}$/,
);
const STATEFULSET_POD = linearRegex("pod-name-statefulset", /^([a-z0-9][a-z0-9.-]*?)-\d+$/);

export function workloadFromPod(pod: string): { kind: "deployment" | "statefulset"; name: string } | null {
  const deploy = DEPLOYMENT_POD.exec(pod);
  if (deploy) return { kind: "deployment", name: deploy[1] };
  const sts = STATEFULSET_POD.exec(pod);
  if (sts) return { kind: "statefulset", name: sts[1] };
  return null;
}
