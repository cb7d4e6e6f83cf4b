import {
  createTemplateRenderer,
  type TemplateContext,
  TemplateLimitError,
  TemplateRenderError,
  type TemplateRenderer,
  type TemplateRenderLimits,
  type TemplateValue,
} from "nunjitsu";
import { scaffolderFilters } from "./filters";

/**
 * Per-render limits. Nunjitsu's limits are cooperative work counters, so they bound time and
 * memory deterministically (no wall clock, no native isolate): ~1M work units is well under a second.
 */
export const RENDER_LIMITS: Partial<TemplateRenderLimits> = {
  sourceCodeUnits: 2_000_000,
  workUnits: 500_000,
  outputCodeUnits: 4_000_000,
  nestingDepth: 200,
  capabilityCalls: 10_000,
};

export interface RenderOptions {
  cookiecutterCompat?: boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
}

/** A template failure with the location nunjitsu reports; `file` is filled in by callers that know it. */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly file?: string,
    readonly limit?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "TemplateSyntaxError";
  }
  withFile(file: string): TemplateSyntaxError {
    return new TemplateSyntaxError(
      `${file}: ${this.message}`,
      this.line,
      this.column,
      file,
      this.limit,
      this.code,
    );
  }
}

function wrapError(error: unknown): never {
  if (error instanceof TemplateLimitError) {
    throw new TemplateSyntaxError(error.message, error.line, error.column, undefined, error.limit);
  }
  if (error instanceof TemplateRenderError)
    throw new TemplateSyntaxError(error.message, error.line, error.column);
  throw error;
}

const cache = new Map<string, TemplateRenderer>();

/** Renderers are immutable; one per option set per process. */
export function getRenderer(options: RenderOptions = {}): TemplateRenderer {
  const key = `${options.cookiecutterCompat ? 1 : 0}${options.trimBlocks ? 1 : 0}${options.lstripBlocks ? 1 : 0}`;
  let r = cache.get(key);
  if (!r) {
    r = createTemplateRenderer({
      filters: scaffolderFilters,
      cookiecutterCompat: options.cookiecutterCompat,
      trimBlocks: options.trimBlocks,
      lstripBlocks: options.lstripBlocks,
    });
    cache.set(key, r);
  }
  return r;
}

/** Fast path: text without any tag opener never enters the interpreter. */
export function hasTemplateSyntax(source: string, cookiecutterCompat = false): boolean {
  return (
    (cookiecutterCompat ? source.includes("{{") : source.includes("${{")) ||
    source.includes("{%") ||
    source.includes("{#")
  );
}

export function renderString(source: string, context: TemplateContext, options: RenderOptions = {}): string {
  if (!hasTemplateSyntax(source, options.cookiecutterCompat)) return source;
  try {
    return getRenderer(options).render(source, context, { limits: RENDER_LIMITS });
  } catch (error) {
    wrapError(error);
  }
}

const SINGLE_EXPRESSION = /^\s*\$\{\{(?:(?!\}\}|\$\{\{).)*\}\}\s*$/s;

/** `${{ expr }}` and nothing else: Backstage keeps the JSON type of such an input. */
export function isSingleExpression(source: string): boolean {
  return source.length < 100_000 && SINGLE_EXPRESSION.test(source);
}

/**
 * Backstage's input rule: a string that is one whole `${{ expr }}` keeps its JSON type; any
 * string that renders empty is dropped (undefined); everything else is a string. Arrays and
 * objects are rendered member by member; non-strings pass through.
 */
export function renderInput(value: unknown, context: TemplateContext): unknown {
  if (typeof value === "string") {
    if (isSingleExpression(value)) {
      let v: TemplateValue | undefined;
      try {
        v = getRenderer().renderValue(value.trim(), context, { limits: RENDER_LIMITS });
      } catch (error) {
        wrapError(error);
      }
      if (v === undefined || v === "") return undefined;
      return toPlain(v);
    }
    const s = renderString(value, context);
    return s === "" ? undefined : s;
  }
  if (Array.isArray(value)) return value.map((v) => renderInput(v, context));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const rendered = renderInput(v, context);
      if (rendered !== undefined)
        Object.defineProperty(out, k, {
          value: rendered,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out;
  }
  return value;
}

/** Backstage's truthiness for `if`: false, undefined, null, "", 0 and [] are false. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** `if` may be a boolean or a template string. */
export function evaluateIf(condition: unknown, context: TemplateContext): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== "string") return isTruthy(condition);
  return isTruthy(renderInput(condition, context));
}

/** Nunjitsu returns frozen arrays/records and may return Maps/Sets; tasks store plain JSON. */
export function toPlain(v: TemplateValue | undefined): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), toPlain(x)]));
  if (v instanceof Set) return [...v].map(toPlain);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      Object.defineProperty(out, k, {
        value: toPlain(x as TemplateValue),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return v;
}

/** Converts arbitrary JSON-ish data to a nunjitsu context value (drops undefined and functions). */
export function toTemplateValue(v: unknown): TemplateValue {
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (Array.isArray(v)) return v.map(toTemplateValue);
  if (typeof v === "object") {
    const out: Record<string, TemplateValue> = {};
    for (const [k, x] of Object.entries(v as object)) {
      if (x === undefined || typeof x === "function") continue;
      // nunjitsu rejects reserved names in context data; such keys cannot be addressed anyway.
      if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
      Object.defineProperty(out, k, {
        value: toTemplateValue(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return null;
}

/** A parse-only check for lint: returns the syntax error of `source`, if any (evaluation is not judged). */
export function syntaxErrorOf(source: string): TemplateSyntaxError | undefined {
  if (!hasTemplateSyntax(source)) return undefined;
  try {
    getRenderer().render(source, {}, { limits: RENDER_LIMITS });
  } catch (error) {
    if (error instanceof TemplateRenderError && error.code === "syntax_error")
      return new TemplateSyntaxError(
        error.message,
        error.line,
        error.column,
        undefined,
        undefined,
        error.code,
      );
  }
  return undefined;
}
