import type { DryRunFile } from "./types";

/** highlight.js names (from rehype-highlight's common set) by file extension or name. */
const LANGUAGES: Record<string, string> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  tsx: "typescript",
  py: "python",
  md: "markdown",
  sh: "bash",
  bash: "bash",
  go: "go",
  rs: "rust",
  java: "java",
  kt: "kotlin",
  css: "css",
  scss: "scss",
  html: "xml",
  xml: "xml",
  toml: "ini",
  ini: "ini",
  cfg: "ini",
  sql: "sql",
  graphql: "graphql",
  makefile: "makefile",
  dockerfile: "bash",
  tf: "ini",
};

export function languageOf(path: string): string | undefined {
  const base = path.split("/").pop()?.toLowerCase() ?? "";
  if (base === "dockerfile" || base.startsWith("dockerfile.")) return "bash";
  if (base === "makefile") return "makefile";
  const dot = base.lastIndexOf(".");
  return dot < 0 ? undefined : LANGUAGES[base.slice(dot + 1)];
}

export function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) bin += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(bin);
}

export function textToBase64(text: string): string {
  return encodeBase64(new TextEncoder().encode(text));
}

/** The file as text, or undefined when it is binary (a NUL byte or invalid UTF-8). */
export function fileText(file: DryRunFile): string | undefined {
  const bytes = decodeBase64(file.base64Content);
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function fileSize(file: DryRunFile): number {
  const b64 = file.base64Content;
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

/** A fenced Markdown block that no backtick run inside the text can close early. */
export function fenced(text: string, language?: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language ?? "text"}\n${text}\n${fence}`;
}

export interface TreeNode {
  name: string;
  path: string;
  children?: TreeNode[];
}

/** Paths → a sorted tree, folders first. */
export function buildTree(paths: string[]): TreeNode[] {
  const root: TreeNode = { name: "", path: "", children: [] };
  for (const p of paths) {
    const parts = p.split("/").filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join("/");
      const leaf = i === parts.length - 1;
      node.children ??= [];
      let next = node.children.find((c) => c.name === part && !!c.children === !leaf);
      if (!next) {
        next = leaf ? { name: part, path } : { name: part, path, children: [] };
        node.children.push(next);
      }
      node = next;
    });
  }
  const sort = (nodes: TreeNode[]) => {
    nodes.sort((a, b) =>
      !!b.children === !!a.children ? a.name.localeCompare(b.name) : b.children ? 1 : -1,
    );
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(root.children ?? []);
  return root.children ?? [];
}
