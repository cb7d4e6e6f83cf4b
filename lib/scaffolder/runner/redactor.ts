const MIN_SECRET_LENGTH = 3;

/**
 * Replaces every secret, and forms derived from it (base64, URL-encoded, JSON-escaped, and any
 * rendered input that was produced from `secrets`), with `***` in log lines and outputs.
 */
export class Redactor {
  private readonly values = new Set<string>();
  private sorted: string[] = [];

  constructor(secrets: Record<string, string> = {}) {
    for (const v of Object.values(secrets)) this.add(v);
  }

  add(value: unknown): void {
    if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) return;
    const forms = [
      value,
      Buffer.from(value).toString("base64"),
      Buffer.from(value).toString("base64url"),
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
    ];
    for (const f of forms) if (f.length >= MIN_SECRET_LENGTH) this.values.add(f);
    this.sorted = [...this.values].sort((a, b) => b.length - a.length);
  }

  /** Adds every string inside a derived value (e.g. an input rendered from secrets). */
  addDerived(value: unknown): void {
    // A string that already shows a known secret is covered; otherwise the whole derived string is secret.
    if (typeof value === "string") {
      if (this.redact(value) === value) this.add(value);
    } else if (Array.isArray(value)) for (const v of value) this.addDerived(v);
    else if (value && typeof value === "object") for (const v of Object.values(value)) this.addDerived(v);
  }

  get empty(): boolean {
    return this.sorted.length === 0;
  }

  redact(text: string): string {
    if (this.sorted.length === 0) return text;
    let out = text;
    for (const s of this.sorted) if (out.includes(s)) out = out.split(s).join("***");
    return out;
  }

  redactDeep<T>(value: T): T {
    if (this.sorted.length === 0) return value;
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v)) as T;
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, k, {
          value: this.redactDeep(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out as T;
    }
    return value;
  }
}
