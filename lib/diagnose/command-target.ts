import { type LinearRegex, linearRegex } from "@/lib/text/linear-regex";
import type { CommandTarget } from "./commands";
import type { PodFacts } from "./pod-evidence";

/**
 * The names a fix command can be filled with, taken from what the user gave
 * (request fields, the pasted log) and what the live pod context says. Request
 * fields win, then live facts, then the log. Anything not found stays unset and
 * renders as a shell variable ("$IMAGE"), the only honest placeholder.
 *
 * RE2 (linear) because the log is user text of up to 256 KiB.
 */
const NAME = "[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?";
const re = (name: string, source: string, flags = "") =>
  linearRegex(`command-target-${name}`, new RegExp(source, flags));

const EXTRACTORS: Record<Exclude<keyof CommandTarget, "workload">, LinearRegex[]> = {
  // Terraform's "Lock Info:" block prints `ID: <uuid>` (S3/DynamoDB, azurerm) or a number (GCS).
  lockId: [re("lock-id", String.raw`(?:^|[\s│|])ID:\s+([A-Za-z0-9][A-Za-z0-9._:-]{3,127})`, "m")],
  namespace: [
    re("ns-flag", String.raw`(?:\s-n|--namespace)[ =](${NAME})\b`),
    re("ns-quoted", String.raw`\bnamespace[: ]+"(${NAME})"`, "i"),
    // kubelet: `… in pod api-7d9f8b6c5-x2x9z_payments(uid)`
    re("ns-kubelet", String.raw`\bin pod ${NAME}_(${NAME})\b`),
  ],
  podName: [
    re("pod-kubelet", String.raw`\bin pod (${NAME})_`),
    re("pod-slash", String.raw`\bpods?/(${NAME})\b`),
    re("pod-quoted", String.raw`\bpods? "(${NAME})"`, "i"),
  ],
  container: [
    re("container-kubelet", String.raw`\bcontainer "?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"? in pod\b`),
    re("container-quoted", String.raw`\bcontainer "([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"`, "i"),
  ],
  deployment: [re("deployment", String.raw`\bdeployments?(?:\.apps)?(?:/|\s+")(${NAME})\b`, "i")],
  image: [
    re("image-quoted", String.raw`\bimage[: ]+"([A-Za-z0-9][A-Za-z0-9._/:@-]{0,300})"`, "i"),
    re("image-field", String.raw`^\s*Image:\s+([A-Za-z0-9][A-Za-z0-9._/:@-]{0,300})\s*$`, "m"),
  ],
  pvc: [
    re("pvc-quoted", `persistentvolumeclaims? "(${NAME})"`, "i"),
    re("pvc-slash", String.raw`\b(?:pvc|persistentvolumeclaim)/(${NAME})\b`, "i"),
    re("pvc-claim", String.raw`\bClaimName:\s+(${NAME})\b`),
  ],
  node: [
    re("node-slash", String.raw`\bnodes?/(${NAME})\b`),
    re("node-quoted", String.raw`\bnode "(${NAME})"`, "i"),
    re("node-field", String.raw`^\s*Node:\s+(${NAME})(?:/|\s|$)`, "m"),
  ],
  file: [
    // Python `File "x.py", line 12`; Terraform `on main.tf line 12`; stack frames `(src/app.js:12:5)`.
    re("file-python", String.raw`\bFile "([^"\s]{1,300})", line (\d{1,7})`),
    re("file-terraform", String.raw`\bon ([A-Za-z0-9_./-]{1,300}\.tf(?:vars)?) line (\d{1,7})`),
    re(
      "file-frame",
      String.raw`\(?((?:/|\./)?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.(?:js|mjs|cjs|ts|go|java|py|rb|kt)):(\d{1,7})\b`,
    ),
  ],
  line: [],
};

export interface TargetInput {
  namespace?: string;
  podName?: string;
  log: string;
  facts?: PodFacts;
}

export function commandTargetFrom({ namespace, podName, log, facts }: TargetInput): CommandTarget {
  const fromLog = (key: keyof typeof EXTRACTORS) => {
    for (const rx of EXTRACTORS[key]) {
      const m = rx.exec(log);
      if (m?.[1]) return { value: m[1], extra: m[2] };
    }
    return undefined;
  };
  const failing = facts?.containers[0];
  const file = fromLog("file");
  const deployment = fromLog("deployment")?.value;
  return {
    namespace: namespace ?? facts?.namespace ?? fromLog("namespace")?.value,
    podName: podName ?? facts?.pod ?? fromLog("podName")?.value,
    workload: facts?.workload ?? (deployment ? { kind: "deployment", name: deployment } : undefined),
    deployment,
    container: failing?.name ?? fromLog("container")?.value,
    image: fromLog("image")?.value ?? (failing?.image || undefined),
    pvc: facts?.claims[0] ?? fromLog("pvc")?.value,
    node: facts?.node ?? fromLog("node")?.value,
    lockId: fromLog("lockId")?.value,
    file: file?.value,
    line: file?.extra,
  };
}
