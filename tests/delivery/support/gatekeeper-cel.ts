import { type CelInput, isCelError, run } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";

// Evaluates a Gatekeeper K8sNativeValidation block the way Gatekeeper binds it:
// `variables.anyObject` (the reviewed object), `variables.params` (the constraint's
// parameters) and each declared variable, in order. Errors are values in @bufbuild/cel, so
// every validation must return exactly true or false; anything else fails loudly.

export interface CelSource {
  variables?: { name: string; expression: string }[];
  validations: { expression: string; messageExpression?: string; message?: string }[];
}

/** Plain JSON → CEL input: objects as Maps, whole numbers as int (BigInt). */
export function toCel(value: unknown): CelInput {
  if (Array.isArray(value)) return value.map(toCel) as CelInput;
  if (value && typeof value === "object") {
    const map = new Map<string, CelInput>();
    for (const [k, v] of Object.entries(value)) map.set(k, toCel(v));
    return map as unknown as CelInput;
  }
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}

export function celSource(template: unknown): CelSource {
  const t = template as {
    spec: { targets: { code: { engine: string; source: CelSource }[] }[] };
  };
  const code = t.spec.targets[0].code.find((c) => c.engine === "K8sNativeValidation");
  if (!code) throw new Error("template has no K8sNativeValidation code");
  return code.source;
}

export function regoSource(template: unknown): string | undefined {
  const t = template as { spec: { targets: { code: { engine: string; source: { rego?: string } }[] }[] } };
  return t.spec.targets[0].code.find((c) => c.engine === "Rego")?.source.rego;
}

/** Messages of the failed validations (empty = admitted). */
export function evaluateCel(source: CelSource, object: unknown, params: unknown): string[] {
  const variables = new Map<string, CelInput>([
    ["anyObject", toCel(object)],
    ["params", toCel(params ?? {})],
  ]);
  const env = { funcs: strings };
  const bindings = () => ({ variables: variables as unknown as CelInput });
  for (const v of source.variables ?? []) {
    const value = run(v.expression, bindings(), env);
    if (isCelError(value)) throw new Error(`variable ${v.name}: ${String(value)}`);
    variables.set(v.name, value as CelInput);
  }
  const failures: string[] = [];
  for (const validation of source.validations) {
    const result = run(validation.expression, bindings(), env);
    if (result !== true && result !== false)
      throw new Error(`validation did not return a bool: ${validation.expression} → ${String(result)}`);
    if (result === false) {
      const message = validation.messageExpression
        ? run(validation.messageExpression, bindings(), env)
        : validation.message;
      if (typeof message !== "string")
        throw new Error(`messageExpression did not return a string: ${String(message)}`);
      failures.push(message);
    }
  }
  return failures;
}
