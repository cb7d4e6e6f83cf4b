import { linearRegex } from "@/lib/text/linear-regex";

/** A pod a pasted error names, so the diagnosis can be given the pod's live state. */
export interface PodMention {
  name: string;
  /** Null when the paste does not say; the reply then asks instead of guessing. */
  namespace: string | null;
}

// kubelet: `in pod accounts-7d9f-x2x9k_storefront(8c0e…)`; kubectl: `pod/accounts-7d9f`, `pod "accounts-7d9f"`.
const KUBELET_POD = linearRegex(
  "pod-mention-kubelet",
  /\bpod\s+"?([a-z0-9][-a-z0-9.]{0,252})_([a-z0-9][-a-z0-9]{0,62})\(/i,
);
const POD_REF = linearRegex(
  "pod-mention-ref",
  /\bpods?(?:\/|\s+"|\s+')([a-z0-9][-a-z0-9.]{0,252})|\bpod\s+([a-z0-9][-a-z0-9]*-[-a-z0-9]*[a-z0-9])\b/i,
);
// `-n payments`, `namespace: payments`, `Namespace:  payments`, `namespace "payments"`, `namespace=payments`.
const NAMESPACE = linearRegex(
  "pod-mention-namespace",
  /(?:\s-n\s+|--namespace[=\s]+|\bnamespace[:=]?\s*["']?)([a-z0-9][-a-z0-9]{0,62})\b/i,
);
// kubectl describe pod: `Name:  accounts-7d9f` as the first field.
const DESCRIBE_NAME = linearRegex("pod-mention-describe-name", /^Name:\s+([a-z0-9][-a-z0-9.]{0,252})\s*$/im);

const WINDOW = 16 * 1024;

/** The pod (and namespace) a paste names, looked for in its first 16 KB. */
export function podMentionIn(text: string): PodMention | null {
  const window = text.slice(0, WINDOW);
  const kubelet = KUBELET_POD.exec(window);
  if (kubelet) return { name: kubelet[1].toLowerCase(), namespace: kubelet[2].toLowerCase() };
  const ref = POD_REF.exec(window);
  const name = ref ? (ref[1] ?? ref[2]) : DESCRIBE_NAME.exec(window)?.[1];
  if (!name) return null;
  const ns = NAMESPACE.exec(window)?.[1];
  const clean = name.endsWith(".") ? name.slice(0, -1) : name;
  return { name: clean.toLowerCase(), namespace: ns ? ns.toLowerCase() : null };
}
