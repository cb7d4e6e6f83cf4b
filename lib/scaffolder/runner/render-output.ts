import type { TemplateContext } from "nunjitsu";
import { evaluateIf, renderInput } from "../engine/renderer";

/** `links` and `text` items with a false `if` are removed; no returned item keeps its `if` key. */
function renderItems(items: unknown, ctx: TemplateContext): unknown[] | undefined {
  if (!Array.isArray(items)) return undefined;
  const out: unknown[] = [];
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const { if: condition, ...rest } = item as Record<string, unknown>;
    if (!evaluateIf(condition, ctx)) continue;
    out.push(renderInput(rest, ctx));
  }
  return out;
}

export function renderTemplateOutput(
  output: Record<string, unknown>,
  ctx: TemplateContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(output)) {
    const rendered = key === "links" || key === "text" ? renderItems(value, ctx) : renderInput(value, ctx);
    if (rendered !== undefined)
      Object.defineProperty(out, key, {
        value: rendered,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
