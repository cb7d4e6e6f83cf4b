import { parseAllDocuments } from "yaml";
import { IngestError } from "./ingest-error";

export interface ParsedDocument {
  documentIndex: number;
  value: unknown;
}

/**
 * Parses a multi-document catalog file. Any syntax error fails the whole file
 * (like Backstage) and carries the 1-based line/column of the first problem.
 */
export function parseCatalogYaml(text: string): ParsedDocument[] {
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
    // Empty documents (e.g. a trailing `---`) are skipped, as Backstage does.
    if (value !== null && value !== undefined) out.push({ documentIndex, value });
  });
  return out;
}
