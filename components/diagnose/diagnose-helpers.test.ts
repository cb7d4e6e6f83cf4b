import { describe, expect, it } from "vitest";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";
import { MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import { chatHref } from "./chat-link";
import { readLogFile } from "./log-file";

const result: DiagnoseResponse = {
  request_id: "r",
  engine: "offline",
  severity: "high",
  category: "oomkilled",
  root_cause: "The container exceeded its memory limit.",
  classifications: [
    { category: "oomkilled", severity: "high", pattern_id: "p", line: 3, excerpt: "Reason: OOMKilled" },
    { category: "oomkilled", severity: "high", pattern_id: "q", line: 3, excerpt: "Reason: OOMKilled" },
  ],
  fix_commands: [],
  prevention_tips: [],
  runbooks: [],
  degraded: [],
  timings_ms: {},
};

describe("chatHref", () => {
  it("links to /chat with a summary and the de-duplicated matched lines", () => {
    const href = chatHref(result, "secret stuff that should not be used");
    expect(href.startsWith("/chat?q=")).toBe(true);
    const q = new URL(href, "http://x").searchParams.get("q") ?? "";
    expect(q).toContain("Container killed for exceeding its memory limit (high)");
    expect(q).toContain("The container exceeded its memory limit.");
    expect(q.match(/Reason: OOMKilled/g)).toHaveLength(1);
    expect(q).not.toContain("secret stuff");
  });

  it("falls back to the pasted text when nothing matched, bounded in length", () => {
    const href = chatHref({ ...result, classifications: [], root_cause: "r".repeat(2000) }, "x".repeat(5000));
    const q = new URL(href, "http://x").searchParams.get("q") ?? "";
    expect(q).toContain("xxxx");
    expect(q.length).toBeLessThan(1100);
  });
});

describe("readLogFile", () => {
  const file = (text: string, size = new TextEncoder().encode(text).byteLength) => ({
    name: "app.log",
    size,
    text: async () => text,
  });

  it("returns the text of a file within the limit", async () => {
    expect(await readLogFile(file("boom\n"))).toEqual({ ok: true, text: "boom\n" });
  });

  it("refuses files over 256 KiB with a message naming the limit, and empty files", async () => {
    const big = await readLogFile(file("", MAX_ERROR_MESSAGE_BYTES + 1));
    expect(big).toMatchObject({ ok: false });
    expect(!big.ok && big.message).toContain("256 KiB");
    expect(await readLogFile(file("  \n"))).toMatchObject({ ok: false });
  });
});
