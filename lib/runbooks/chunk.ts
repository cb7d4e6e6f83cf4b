import type { Runbook } from "./load";
import { sha256 } from "./load";

export interface RunbookChunk {
  /** Stable across runs: `<runbookId>#<heading-slug>[-<part>]`. */
  id: string;
  runbookId: string;
  title: string;
  /** Innermost heading ("Diagnosis"), "Overview" for text before the first section. */
  heading: string;
  headingPath: string[];
  /** Section markdown without the heading line. */
  content: string;
  /** Text that gets embedded and keyword-indexed: title + heading path + content. */
  text: string;
  hash: string;
  runbookHash: string;
}

export interface ChunkOptions {
  /** Sections longer than this are split at blank lines outside code fences. */
  maxChars?: number;
}

interface Section {
  path: string[];
  lines: string[];
}

function slugify(parts: string[]): string {
  return (
    parts
      .join("-")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}

function splitSections(body: string): Section[] {
  const sections: Section[] = [{ path: ["Overview"], lines: [] }];
  let h2: string | undefined;
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) {
      sections[sections.length - 1].lines.push(line);
      continue;
    }
    const level = heading[1].length;
    const text = heading[2];
    if (level === 1) continue; // the document title; we already carry `title`
    if (level === 2) {
      h2 = text;
      sections.push({ path: [text], lines: [] });
    } else {
      sections.push({ path: h2 ? [h2, text] : [text], lines: [] });
    }
  }
  return sections.filter((s) => s.lines.join("").trim().length > 0);
}

/** Splits at blank lines that are not inside fenced code, greedily packing up to maxChars. */
function splitLong(content: string, maxChars: number): string[] {
  if (content.length <= maxChars) return [content];
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of content.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === "" && current.length > 0) {
      blocks.push(current.join("\n"));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push(current.join("\n"));

  const parts: string[] = [];
  let buf = "";
  for (const block of blocks) {
    if (buf && buf.length + block.length + 2 > maxChars) {
      parts.push(buf);
      buf = "";
    }
    buf = buf ? `${buf}\n\n${block}` : block;
  }
  if (buf) parts.push(buf);
  return parts;
}

export function chunkRunbook(runbook: Runbook, opts: ChunkOptions = {}): RunbookChunk[] {
  const maxChars = opts.maxChars ?? 1800;
  const chunks: RunbookChunk[] = [];
  const usedIds = new Set<string>();
  for (const section of splitSections(runbook.body)) {
    const parts = splitLong(section.lines.join("\n").trim(), maxChars);
    parts.forEach((content, index) => {
      let id = `${runbook.id}#${slugify(section.path)}${parts.length > 1 ? `-${index + 1}` : ""}`;
      for (let n = 2; usedIds.has(id); n++) id = `${runbook.id}#${slugify(section.path)}-dup${n}`;
      usedIds.add(id);
      const headingPath = section.path;
      const tagLine = runbook.tags.length > 0 ? `\nTags: ${runbook.tags.join(", ")}` : "";
      const text = `${runbook.title}\n${headingPath.join(" > ")}${tagLine}\n\n${content}`;
      chunks.push({
        id,
        runbookId: runbook.id,
        title: runbook.title,
        heading: headingPath[headingPath.length - 1],
        headingPath,
        content,
        text,
        hash: sha256(text),
        runbookHash: runbook.hash,
      });
    });
  }
  return chunks;
}

export function chunkRunbooks(runbooks: Runbook[], opts?: ChunkOptions): RunbookChunk[] {
  return runbooks.flatMap((r) => chunkRunbook(r, opts));
}
