import { loadAll } from "js-yaml";
import { parseAllDocuments } from "yaml";
import { IngestError } from "./ingest-error";

export interface ParsedDocument {
  documentIndex: number;
  value: unknown;
}

/**
 * Parses a multi-document catalog file. Any syntax error fails the whole file
 * (like Backstage) and carries the 1-based line/column of the first problem.
 *
 * js-yaml (YAML 1.2 core schema, no merge keys — the same data model as `yaml`'s default) is
 * about 5× faster, so it handles the common case. Files with aliases or errors go through
 * `yaml`, which bounds alias expansion and reports precise error positions.
 */
export function parseCatalogYaml(text: string): ParsedDocument[] {
  let values: unknown[];
  try {
    values = loadAll(text, { maxAliases: 0 });
  } catch {
    return parseWithYaml(text);
  }
  const out: ParsedDocument[] = [];
  values.forEach((value, documentIndex) => {
    // Empty documents (e.g. a trailing `---`) are skipped, as Backstage does.
    if (value !== null && value !== undefined) out.push({ documentIndex, value });
  });
  return out;
}

function parseWithYaml(text: string): ParsedDocument[] {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const pos = error.linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : "";
      throw new IngestError("YAML_SYNTAX", `YAML error${where}: ${error.message.split("\n")[0]}`, {
        line: pos?.line,
        column: pos?.col,
      });
    }
  }
  const out: ParsedDocument[] = [];
  list.forEach((doc, documentIndex) => {
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push({ documentIndex, value });
  });
  return out;
}
