// Kubernetes resource.Quantity parsing: "500m" CPU, "2Gi" memory, "1e3", plain counts.
const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const MAX_QUANTITY_CHARS = 64;
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** Parses a quantity into its base unit (cores, bytes, count); null when not a valid quantity. */
export function parseQuantity(input: string | number | null | undefined): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  if (typeof input !== "string") return null;
  const trimmed = input.trim();
  // Real quantities are short; the bound keeps `\d+\.?\d*` from backtracking
  // quadratically on a hostile value from the cluster API.
  if (trimmed.length > MAX_QUANTITY_CHARS) return null;
  const match = QUANTITY.exec(trimmed);
  if (!match) return null;
  const [, num, exponent, suffix] = match;
  const base = Number(num);
  if (exponent) return base * 10 ** Number(exponent.slice(1));
  if (!suffix) return base;
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** used/hard as a fraction, or null when either side is unparseable or hard is zero. */
export function quantityRatio(used: string | undefined, hard: string | undefined): number | null {
  const u = parseQuantity(used ?? "0");
  const h = parseQuantity(hard);
  if (u === null || h === null || h <= 0) return null;
  return u / h;
}
