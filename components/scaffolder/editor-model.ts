import { parse } from "yaml";
import { encodeBase64, textToBase64 } from "./file-view";
import type { DryRunFile, JsonObject, TemplateParameterSchema } from "./types";

export interface EditorFile {
  path: string;
  /** Text files are edited as text; anything else is kept as bytes. */
  text?: string;
  base64?: string;
  executable?: boolean;
}

/** The folder's template file: `template.yaml` at the root, else the shallowest YAML that declares kind Template. */
export function findTemplatePath(files: EditorFile[]): string | undefined {
  const root = files.find((f) => f.path === "template.yaml" || f.path === "template.yml");
  if (root) return root.path;
  return files
    .filter((f) => /\.ya?ml$/i.test(f.path) && f.text && /^kind:\s*Template\s*$/m.test(f.text))
    .sort((a, b) => a.path.split("/").length - b.path.split("/").length)[0]?.path;
}

export interface ParsedEditorTemplate {
  template?: JsonObject;
  parameters?: TemplateParameterSchema;
  error?: string;
}

/** Parses template.yaml the way the parameter-schema endpoint presents it: one page per parameters entry. */
export function parseEditorTemplate(text: string | undefined): ParsedEditorTemplate {
  if (!text?.trim()) return { error: "template.yaml is empty" };
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    return { error: "template.yaml is not a YAML mapping" };
  const template = doc as JsonObject;
  if (template.kind !== "Template")
    return { template, error: `kind is ${JSON.stringify(template.kind)}, expected "Template"` };
  const spec = (template.spec ?? {}) as JsonObject;
  const raw = spec.parameters;
  const pages = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
    (p): p is JsonObject => typeof p === "object" && p !== null && !Array.isArray(p),
  );
  const metadata = (template.metadata ?? {}) as JsonObject;
  const presentation = (spec.presentation ?? undefined) as TemplateParameterSchema["presentation"];
  return {
    template,
    parameters: {
      title: (metadata.title as string | undefined) ?? (metadata.name as string | undefined) ?? "Template",
      description: metadata.description as string | undefined,
      presentation,
      steps: pages.map((page) => ({
        title: (page.title as string | undefined) ?? "Please enter the following information",
        description: page.description as string | undefined,
        schema: page,
      })),
    },
  };
}

export function toDirectoryContents(files: EditorFile[]): DryRunFile[] {
  return files.map((f) => ({
    path: f.path,
    base64Content: f.text !== undefined ? textToBase64(f.text) : (f.base64 ?? ""),
    executable: f.executable ?? false,
  }));
}

/** Strips the uploaded folder's own name so paths are relative to the template root. */
export function relativeUploadPaths(paths: string[]): string[] {
  const firsts = new Set(paths.map((p) => (p.includes("/") ? p.split("/")[0] : "")));
  if (firsts.size === 1 && !firsts.has("")) return paths.map((p) => p.slice(p.indexOf("/") + 1));
  return paths;
}

export async function readUpload(file: File): Promise<{ text?: string; base64?: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!bytes.includes(0)) {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
    } catch {
      // not UTF-8: keep the bytes
    }
  }
  return { base64: encodeBase64(bytes) };
}

export const STARTER_TEMPLATE = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: hello-world
  title: Hello world
  description: Writes one README from the values you enter.
spec:
  owner: group:default/platform-team
  type: service
  parameters:
    - title: Describe it
      required: [name]
      properties:
        name:
          title: Name
          type: string
          ui:field: EntityNamePicker
        owner:
          title: Owner
          type: string
          ui:field: OwnerPicker
  steps:
    - id: write
      name: Write the README
      action: fetch:template
      input:
        url: ./skeleton
        values:
          name: \${{ parameters.name }}
          owner: \${{ parameters.owner }}
    - id: log
      name: Say hello
      action: debug:log
      input:
        message: Hello \${{ parameters.name }}
  output:
    text:
      - title: Next steps
        content: Your project **\${{ parameters.name }}** is ready.
`;

export const STARTER_FILES: EditorFile[] = [
  { path: "template.yaml", text: STARTER_TEMPLATE },
  { path: "skeleton/README.md", text: "# ${{ values.name }}\n\nOwned by ${{ values.owner }}.\n" },
];
