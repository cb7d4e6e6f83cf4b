// Same rules as @backstage/catalog-model's KubernetesValidatorFunctions / CommonValidatorFunctions.

export function isValidDnsLabel(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^[a-z0-9]+(?:-+[a-z0-9]+)*$/.test(value)
  );
}

export function isValidDnsSubdomain(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 253 &&
    value.split(".").every(isValidDnsLabel)
  );
}

/** `[a-zA-Z0-9]` sequences joined by `[-_.]`, 1–63 chars, starting and ending alphanumeric. */
export function isValidObjectName(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value)
  );
}

function isValidPrefixAndOrSuffix(
  value: unknown,
  isValidPrefix: (v: string) => boolean,
  isValidSuffix: (v: string) => boolean,
): boolean {
  if (typeof value !== "string") return false;
  const parts = value.split("/");
  if (parts.length === 1) return isValidSuffix(parts[0]);
  if (parts.length === 2) return isValidPrefix(parts[0]) && isValidSuffix(parts[1]);
  return false;
}

export function isValidApiVersion(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(
    value,
    isValidDnsSubdomain,
    (n) => n.length >= 1 && n.length <= 63 && /^[a-z0-9A-Z]+$/.test(n),
  );
}

export function isValidKind(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^[a-zA-Z][a-z0-9A-Z]*$/.test(value)
  );
}

export const isValidEntityName = isValidObjectName;
export const isValidNamespace = isValidDnsLabel;

export function isValidLabelKey(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(value, isValidDnsSubdomain, isValidObjectName);
}

export function isValidLabelValue(value: unknown): boolean {
  return value === "" || isValidObjectName(value);
}

export const isValidAnnotationKey = isValidLabelKey;

export function isValidAnnotationValue(value: unknown): boolean {
  return typeof value === "string";
}

export function isValidTag(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/.test(value)
  );
}

export function isValidUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** Links are rendered as `href`: `javascript:`, `data:` and the like would run in the portal's origin. */
export function isSafeLinkUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return SAFE_LINK_PROTOCOLS.has(new URL(value).protocol);
  } catch {
    return false;
  }
}

export function isNonEmptyString(value: unknown): boolean {
  return typeof value === "string" && value.trim().length >= 1;
}
