import { describe, expect, it } from "vitest";
import { chatHandoffHref, newHandoffId, storeChatHandoff, takeChatHandoff } from "@/components/chat/handoff";
import type { DiagnoseResponse } from "@/lib/diagnose/schema";
import { MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import { chatPrompt } from "./chat-link";
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

describe("chatPrompt", () => {
  it("summarises the diagnosis with the de-duplicated matched lines", () => {
    const q = chatPrompt(result, "secret stuff that should not be used");
    expect(q).toContain("Container killed for exceeding its memory limit (high)");
    expect(q).toContain("The container exceeded its memory limit.");
    expect(q.match(/Reason: OOMKilled/g)).toHaveLength(1);
    expect(q).not.toContain("secret stuff");
  });

  it("falls back to the pasted text when nothing matched, bounded in length", () => {
    const q = chatPrompt({ ...result, classifications: [], root_cause: "r".repeat(2000) }, "x".repeat(5000));
    expect(q).toContain("xxxx");
    expect(q.length).toBeLessThan(1100);
  });
});

describe("chat handoff", () => {
  const memory = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
      size: () => m.size,
    };
  };

  it("puts only a random id in the URL and hands the text over once", () => {
    const storage = memory();
    const paste = "Error: password=hunter2 OOMKilled";
    const id = newHandoffId();
    expect(storeChatHandoff(id, paste, storage)).toBe(true);
    const href = chatHandoffHref(id);
    expect(href).toBe(`/chat?handoff=${id}`);
    expect(href).not.toContain("OOMKilled");
    expect(href).not.toContain("hunter2");
    expect(takeChatHandoff(id, storage)).toBe(paste);
    expect(takeChatHandoff(id, storage)).toBeNull();
    expect(storage.size()).toBe(0);
    expect(newHandoffId()).not.toBe(id);
  });

  it("reports unavailable storage instead of throwing", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("quota");
      },
      removeItem: () => {},
    };
    expect(storeChatHandoff(newHandoffId(), "x", broken)).toBe(false);
    expect(takeChatHandoff(newHandoffId(), broken)).toBeNull();
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
